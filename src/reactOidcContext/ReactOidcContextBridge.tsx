import {
  InMemoryWebStorage,
  User,
  UserManager,
  WebStorageStateStore,
  type SigninRedirectArgs,
} from 'oidc-client-ts';
import { useEffect, useMemo, type JSX, type ReactNode } from 'react';
import { AuthProvider } from 'react-oidc-context';
import type { AuthSession, SignInOptions } from '../AuthContext.js';
import { AuthError } from '../AuthError.js';
import { useSession } from '../session/useSession.js';

/** The session's user as oidc-client-ts's `User` (tokens and claims; never the refresh token). */
function oidcUser(session: AuthSession): User | null {
  const { user } = session.getState();
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

let managers = 0;

/** What the bridge does not offer: the session signs in and out through redirects only. */
const unsupported = (name: string): Promise<never> =>
  Promise.reject(
    new AuthError(
      'config',
      `${name}() is not supported under <ReactOidcContextBridge> — use signinRedirect() and signoutRedirect().`,
    ),
  );

/**
 * A `UserManager` whose every operation is the `<CognitoProvider>` session's. It keeps nothing itself (its stores
 * are in memory and stay empty) and runs no timer of its own; what the session does not offer rejects with
 * `AuthError` code `config`.
 */
class SessionUserManager extends UserManager {
  readonly #session: AuthSession;
  /** Tells react-oidc-context's `AuthProvider` (which keeps its first manager) to start over with a new one. */
  readonly id = String(++managers);

  constructor(session: AuthSession) {
    const { config } = session;
    const memory = () => new WebStorageStateStore({ store: new InMemoryWebStorage() });
    super({
      authority: config?.issuer ?? location.origin,
      client_id: config?.clientId ?? 'react-cognito-sso',
      redirect_uri: config?.redirectUri ?? location.href,
      ...(config && {
        post_logout_redirect_uri: config.postLogoutRedirectUri,
        scope: config.scopes.join(' '),
      }),
      response_mode: 'query',
      automaticSilentRenew: false,
      monitorSession: false,
      userStore: memory(),
      stateStore: memory(),
    });
    this.#session = session;
  }

  /**
   * Raises react-oidc-context's `userLoaded` / `userUnloaded` whenever the session's user changes, and keeps
   * oidc-client-ts's access-token expiry events armed for the current user; returns the cleanup.
   */
  follow(): () => void {
    const session = this.#session;
    let last = session.getState().user;
    const initial = oidcUser(session);
    if (initial) void this._events.load(initial, false);
    const stop = session.subscribe(() => {
      const { user } = session.getState();
      if (user === last) return;
      last = user;
      const next = oidcUser(session);
      void (next ? this._events.load(next) : this._events.unload());
    });
    return () => {
      stop();
      void this._events.unload();
    };
  }

  /** The session's user, once the session has settled (a new tab first asks its peers for theirs). */
  override async getUser(): Promise<User | null> {
    const session = this.#session;
    await new Promise<void>((settled) => {
      const check = (): void => {
        if (session.getState().status === 'loading') return;
        stop();
        settled();
      };
      const stop = session.subscribe(check);
      check();
    });
    return oidcUser(session);
  }

  override signinRedirect({
    state,
    login_hint,
    ui_locales,
    extraQueryParams: extra = {},
  }: SigninRedirectArgs = {}): Promise<void> {
    const options = {
      returnTo: (state as { returnTo?: unknown } | undefined)?.returnTo,
      loginHint: login_hint,
      identityProvider: extra.identity_provider,
      lang: extra.lang ?? ui_locales,
    };
    // JSON drops the options not given.
    return this.#session.signIn(JSON.parse(JSON.stringify(options)) as SignInOptions);
  }

  override async signinSilent(): Promise<User | null> {
    await this.#session.getToken('access', { forceRenew: true });
    return oidcUser(this.#session);
  }

  override signoutRedirect(): Promise<void> {
    return this.#session.signOut();
  }

  /** Signs out: the session's sign-out (revoke, clear every tab, Cognito's `/logout`). */
  override removeUser(): Promise<void> {
    return this.#session.signOut();
  }

  override signinPopup(): Promise<never> {
    return unsupported('signinPopup');
  }

  override signinResourceOwnerCredentials(): Promise<never> {
    return unsupported('signinResourceOwnerCredentials');
  }

  override signoutPopup(): Promise<never> {
    return unsupported('signoutPopup');
  }

  override signoutSilent(): Promise<never> {
    return unsupported('signoutSilent');
  }

  override querySessionStatus(): Promise<never> {
    return unsupported('querySessionStatus');
  }

  override revokeTokens(): Promise<never> {
    return unsupported('revokeTokens');
  }

  /** Renewal is the session's: nothing to start. */
  override startSilentRenew(): void {}

  /** Renewal is the session's: nothing to stop. */
  override stopSilentRenew(): void {}
}

/** Props of {@link ReactOidcContextBridge}. */
export interface ReactOidcContextBridgeProps {
  /** Components that call react-oidc-context's `useAuth()`. */
  children?: ReactNode;
}

/**
 * Lets code written against react-oidc-context's `useAuth()` — AWS's quick-setup sample — run inside
 * `<CognitoProvider>`: it supplies react-oidc-context's context, backed by the provider's session. `user`,
 * `isAuthenticated` and `isLoading` follow the session; `signinRedirect()`, `signinSilent()`, `signoutRedirect()`
 * and `removeUser()` are the session's `signIn()`, renewal and `signOut()`. The bridge exposes no refresh token.
 * Opt-in, so apps that do not need it do not bundle react-oidc-context and oidc-client-ts's `UserManager`.
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
  const manager = useMemo(() => new SessionUserManager(session), [session]);
  useEffect(() => manager.follow(), [manager]);
  return (
    <AuthProvider key={manager.id} userManager={manager} skipSigninCallback>
      {children}
    </AuthProvider>
  );
}
