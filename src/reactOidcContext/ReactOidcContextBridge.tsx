import {
  AccessTokenEvents,
  User,
  type SigninRedirectArgs,
  type UserManagerEvents,
  type UserManagerSettings,
} from 'oidc-client-ts';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type JSX, type ReactNode } from 'react';
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

/** react-oidc-context's navigators: the calls that leave (or would leave) the page, and renew. */
type Navigator =
  | 'signinRedirect'
  | 'signinSilent'
  | 'signoutRedirect'
  | 'signinPopup'
  | 'signinResourceOwnerCredentials'
  | 'signoutPopup'
  | 'signoutSilent';

/** A failed navigator call, as react-oidc-context reports it, with the session's user and error at the time. */
interface Failure {
  error: ErrorContext;
  user: CognitoUser | null;
  sessionError: AuthError | null;
}

/**
 * The actions of react-oidc-context's context, each the session's (or a rejection naming what is not offered), and
 * `raise` to raise its events. As in react-oidc-context, a navigator (`signin*`, `signout*`) that fails reports the
 * error through `fail` and resolves `null`.
 */
function createBridge(session: AuthSession, fail: (failure: Failure) => void) {
  const { events, raise } = createEvents();
  // One cast: react-oidc-context's navigator types leave out the `null` they resolve to on failure, as these do.
  const navigator = <K extends Navigator>(
    source: K,
    run: (...args: Parameters<AuthContextProps[K]>) => ReturnType<AuthContextProps[K]>,
  ): AuthContextProps[K] =>
    (async (...args: Parameters<AuthContextProps[K]>) => {
      try {
        return await run(...args);
      } catch (cause) {
        const error = errorContext(AuthError.from(cause, 'config'), source);
        const { user, error: sessionError } = session.getState();
        fail({ error: Object.assign(error, { args: args[0] }), user, sessionError });
        return null;
      }
    }) as AuthContextProps[K];
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
    signinRedirect: navigator(
      'signinRedirect',
      ({
        state,
        login_hint,
        ui_locales,
        redirectMethod,
        extraQueryParams: extra = {},
      }: SigninRedirectArgs = {}) => {
        const options = {
          returnTo: (state as { returnTo?: unknown } | undefined)?.returnTo,
          loginHint: login_hint,
          identityProvider: extra.identity_provider,
          lang: extra.lang ?? ui_locales,
          replace: redirectMethod === 'replace',
        };
        // JSON drops the options not given.
        return session.signIn(JSON.parse(JSON.stringify(options)) as SignInOptions);
      },
    ),
    signinSilent: navigator('signinSilent', async () => {
      await session.getToken('access', { forceRenew: true });
      return oidcUser(session.getState().user);
    }),
    signoutRedirect: navigator('signoutRedirect', () => session.signOut()),
    // Signs out: the session's sign-out (revoke, clear every tab, Cognito's `/logout`), not a local clear.
    removeUser: () => session.signOut(),
    clearStaleState: () => Promise.resolve(),
    // Renewal is the session's: nothing to start or stop.
    startSilentRenew: () => undefined,
    stopSilentRenew: () => undefined,
    signinPopup: navigator('signinPopup', unsupported('signinPopup')),
    signinResourceOwnerCredentials: navigator(
      'signinResourceOwnerCredentials',
      unsupported('signinResourceOwnerCredentials'),
    ),
    signoutPopup: navigator('signoutPopup', unsupported('signoutPopup')),
    signoutSilent: navigator('signoutSilent', unsupported('signoutSilent')),
    querySessionStatus: unsupported('querySessionStatus'),
    revokeTokens: unsupported('revokeTokens'),
  } satisfies Omit<AuthContextProps, 'isLoading' | 'isAuthenticated'>;
  return { actions, raise };
}

/** An `AuthError` as react-oidc-context reports errors (`source`: the call that failed, or `unknown`). */
function errorContext(error: AuthError, source: ErrorContext['source'] = 'unknown'): ErrorContext {
  return Object.assign(new Error(error.message), {
    name: error.name,
    innerError: error,
    source,
  }) as ErrorContext;
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
 * and `removeUser()` are the session's `signIn()`, renewal and `signOut()`. As in react-oidc-context, a
 * `signin…`/`signout…` call that fails resolves `null` and sets `error`; popups, `signoutSilent()` and password
 * grants fail that way (`AuthError` code `config`), `revokeTokens()` and `querySessionStatus()` reject. The bridge
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
  const [failure, setFailure] = useState<Failure>();
  // A failed call's error lasts until the user changes, as react-oidc-context clears it on a user load, or a newer
  // error of the session's own (a renewal in the background) takes its place.
  if (failure && (failure.user !== cognitoUser || failure.sessionError !== error)) setFailure(undefined);
  const { actions, raise } = useMemo(() => createBridge(session, setFailure), [session]);
  const user = useMemo(() => oidcUser(cognitoUser), [cognitoUser]);
  // react-oidc-context raises `userLoaded` / `userUnloaded` on changes, not for the user it starts with.
  const raised = useRef(user);
  useEffect(() => {
    raise(user, user !== raised.current);
    raised.current = user;
  }, [raise, user]);
  useEffect(() => () => raise(null, false), [raise]);
  const value = useMemo<AuthContextProps>(() => {
    const shown = failure?.error ?? (error && errorContext(error));
    return {
      ...actions,
      user,
      isLoading: status === 'loading',
      isAuthenticated: user !== null,
      ...(shown && { error: shown }),
    };
  }, [actions, user, status, error, failure]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
