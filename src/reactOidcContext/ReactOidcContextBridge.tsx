import { User, UserManager, type SigninRedirectArgs } from 'oidc-client-ts';
import { useEffect, useMemo, type JSX, type ReactNode } from 'react';
import { AuthProvider } from 'react-oidc-context';
import type { AuthSession } from '../AuthContext.js';
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

/** A `UserManager` whose every operation is the `<CognitoProvider>` session's; it holds no state of its own. */
class SessionUserManager extends UserManager {
  readonly #session: AuthSession;
  /** Tells react-oidc-context's `AuthProvider` (which keeps its first manager) to start over with a new one. */
  readonly id = String(++managers);

  constructor(session: AuthSession) {
    const { origin, href } = location;
    super({
      authority: session.config?.issuer ?? origin,
      client_id: session.config?.clientId ?? 'react-cognito-sso',
      redirect_uri: session.config?.redirectUri ?? href,
    });
    this.#session = session;
  }

  /** Raises react-oidc-context's `userLoaded` / `userUnloaded` whenever the session's user changes. */
  follow(): () => void {
    let last = this.#session.getState().user;
    return this.#session.subscribe(() => {
      const { user } = this.#session.getState();
      if (user === last) return;
      last = user;
      const next = oidcUser(this.#session);
      void (next ? this._events.load(next) : this._events.unload());
    });
  }

  override getUser(): Promise<User | null> {
    return Promise.resolve(oidcUser(this.#session));
  }

  override signinRedirect(args?: SigninRedirectArgs): Promise<void> {
    return this.#session.signIn(args?.login_hint ? { loginHint: args.login_hint } : {});
  }

  override async signinSilent(): Promise<User | null> {
    await this.#session.getToken('access', { forceRenew: true });
    return oidcUser(this.#session);
  }

  override signoutRedirect(): Promise<void> {
    return this.#session.signOut();
  }

  override removeUser(): Promise<void> {
    return this.#session.signOut();
  }
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
