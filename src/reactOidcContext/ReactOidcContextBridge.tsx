import {
  AccessTokenEvents,
  User,
  type SigninRedirectArgs,
  type UserManagerEvents,
  type UserManagerSettings,
} from 'oidc-client-ts';
import { useEffect, useMemo, useRef, useSyncExternalStore, type JSX, type ReactNode } from 'react';
import { AuthContext, type AuthContextProps, type ErrorContext } from 'react-oidc-context';
import type { AuthSession, SignInOptions } from '../AuthContext.js';
import { AuthError } from '../AuthError.js';
import type { CognitoUser } from '../CognitoUser.js';
import { useSession } from '../session/useSession.js';

/** The user as oidc-client-ts's `User` (tokens and claims; never the refresh token). */
function oidcUser(user: CognitoUser | null): User | null {
  return (
    user &&
    new User({
      id_token: user.idToken,
      access_token: user.accessToken,
      token_type: 'Bearer',
      profile: user.claims,
      expires_at: user.expiresAt / 1000,
    })
  );
}

/** What the bridge does not offer: the session signs in and out through redirects only. */
const unsupported = (name: string) => (): Promise<never> =>
  Promise.reject(
    new AuthError(
      'config',
      `${name}() is not supported under <ReactOidcContextBridge> — use signinRedirect() and signoutRedirect().`,
    ),
  );

/** The user events react-oidc-context exposes; the bridge raises `UserLoaded` and `UserUnloaded`. */
const USER_EVENTS = [
  'UserLoaded',
  'UserUnloaded',
  'SilentRenewError',
  'UserSignedIn',
  'UserSignedOut',
  'UserSessionChanged',
] as const;

/**
 * oidc-client-ts's `UserManagerEvents` over the session: the access-token expiry events of oidc-client-ts's own
 * `AccessTokenEvents`, and the user events, of which the bridge raises `userLoaded` and `userUnloaded`.
 */
function createEvents(): { events: UserManagerEvents; raise: (user: User | null, notify: boolean) => void } {
  const tokenEvents = new AccessTokenEvents({ expiringNotificationTimeInSeconds: 60 });
  const listeners = new Map(USER_EVENTS.map((name) => [name, new Set<(user?: User) => void>()]));
  for (const [name, set] of listeners) {
    Object.assign(tokenEvents, {
      [`add${name}`]: (callback: (user?: User) => void) => (set.add(callback), () => set.delete(callback)),
      [`remove${name}`]: (callback: (user?: User) => void) => void set.delete(callback),
    });
  }
  const raise = (user: User | null, notify: boolean): void => {
    void (user ? tokenEvents.load(user) : tokenEvents.unload());
    if (notify)
      listeners.get(user ? 'UserLoaded' : 'UserUnloaded')?.forEach((callback) => callback(user ?? undefined));
  };
  return { events: tokenEvents as unknown as UserManagerEvents, raise };
}

/**
 * The actions of react-oidc-context's context, each the session's (or a rejection naming what is not offered), and
 * `raise` to raise its events.
 */
function createBridge(session: AuthSession) {
  const { events, raise } = createEvents();
  const { config } = session;
  const settings: UserManagerSettings = {
    authority: config?.issuer ?? location.origin,
    client_id: config?.clientId ?? 'react-cognito-sso',
    redirect_uri: config?.redirectUri ?? location.href,
    ...(config && {
      post_logout_redirect_uri: config.postLogoutRedirectUri,
      scope: config.scopes.join(' '),
    }),
    response_mode: 'query',
    automaticSilentRenew: false,
  };
  const actions = {
    settings,
    events,
    signinRedirect: ({
      state,
      login_hint,
      ui_locales,
      extraQueryParams: extra = {},
    }: SigninRedirectArgs = {}) => {
      const options = {
        returnTo: (state as { returnTo?: unknown } | undefined)?.returnTo,
        loginHint: login_hint,
        identityProvider: extra.identity_provider,
        lang: extra.lang ?? ui_locales,
      };
      // JSON drops the options not given.
      return session.signIn(JSON.parse(JSON.stringify(options)) as SignInOptions);
    },
    signinSilent: async () => {
      await session.getToken('access', { forceRenew: true });
      return oidcUser(session.getState().user);
    },
    signoutRedirect: () => session.signOut(),
    // Signs out: the session's sign-out (revoke, clear every tab, Cognito's `/logout`), not a local clear.
    removeUser: () => session.signOut(),
    clearStaleState: () => Promise.resolve(),
    // Renewal is the session's: nothing to start or stop.
    startSilentRenew: () => undefined,
    stopSilentRenew: () => undefined,
    signinPopup: unsupported('signinPopup'),
    signinResourceOwnerCredentials: unsupported('signinResourceOwnerCredentials'),
    signoutPopup: unsupported('signoutPopup'),
    signoutSilent: unsupported('signoutSilent'),
    querySessionStatus: unsupported('querySessionStatus'),
    revokeTokens: unsupported('revokeTokens'),
  } satisfies Omit<AuthContextProps, 'isLoading' | 'isAuthenticated'>;
  return { actions, raise };
}

/** The session's error as react-oidc-context reports errors. */
function errorContext(error: AuthError): ErrorContext {
  return Object.assign(new Error(error.message), {
    name: error.name,
    innerError: error,
    source: 'unknown' as const,
  });
}

/** Props of {@link ReactOidcContextBridge}. */
export interface ReactOidcContextBridgeProps {
  /** Components that call react-oidc-context's `useAuth()`. */
  children?: ReactNode;
}

/**
 * Lets code written against react-oidc-context's `useAuth()` — AWS's quick-setup sample — run inside
 * `<CognitoProvider>`: it fills react-oidc-context's context from the provider's session. `user`,
 * `isAuthenticated` and `isLoading` follow the session; `signinRedirect()`, `signinSilent()`, `signoutRedirect()`
 * and `removeUser()` are the session's `signIn()`, renewal and `signOut()`; popups, `signoutSilent()`,
 * `revokeTokens()`, `querySessionStatus()` and password grants reject with `AuthError` code `config`. The bridge
 * exposes no refresh token. Opt-in, so apps that do not need it do not bundle react-oidc-context.
 *
 * @example
 * ```tsx
 * import { ReactOidcContextBridge } from 'react-cognito-sso/react-oidc-context';
 *
 * <CognitoProvider userPoolId="eu-west-1_AbC123" clientId="4vkq3example" domain="myapp.auth.eu-west-1.amazoncognito.com">
 *   <ReactOidcContextBridge>
 *     <LegacyApp />
 *   </ReactOidcContextBridge>
 * </CognitoProvider>
 * ```
 * @see https://github.com/authts/react-oidc-context
 */
export function ReactOidcContextBridge({ children }: ReactOidcContextBridgeProps): JSX.Element {
  const session = useSession('<ReactOidcContextBridge>');
  const {
    status,
    user: cognitoUser,
    error,
  } = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  const { actions, raise } = useMemo(() => createBridge(session), [session]);
  const user = useMemo(() => oidcUser(cognitoUser), [cognitoUser]);
  // react-oidc-context raises `userLoaded` / `userUnloaded` on changes, not for the user it starts with.
  const raised = useRef(user);
  useEffect(() => {
    raise(user, user !== raised.current);
    raised.current = user;
  }, [raise, user]);
  useEffect(() => () => raise(null, false), [raise]);
  const value = useMemo<AuthContextProps>(
    () => ({
      ...actions,
      user,
      isLoading: status === 'loading',
      isAuthenticated: user !== null,
      ...(error && { error: errorContext(error) }),
    }),
    [actions, user, status, error],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
