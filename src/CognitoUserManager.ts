import {
  ErrorResponse,
  InMemoryWebStorage,
  User,
  UserManager,
  WebStorageStateStore,
  type INavigator,
  type OidcMetadata,
  type SigninRedirectArgs,
  type UseRefreshTokenArgs,
} from 'oidc-client-ts';
import { AuthError } from './AuthError.js';
import { JwksCache } from './JwksCache.js';
import { logoutUrl } from './logoutUrl.js';
import { redirectTo } from './redirectTo.js';
import type { ResolvedConfig } from './resolveConfig.js';
import { sanitizeReturnTo } from './sanitizeReturnTo.js';
import { verifyIdToken } from './verifyIdToken.js';

/** Navigates through {@link redirectTo} and resolves at once (the page is about to unload). */
const redirectNavigator: INavigator = {
  prepare: async () => ({
    navigate: async ({ url }) => (redirectTo(url), { url }),
    close: () => undefined,
  }),
  callback: async () => undefined,
};

/** Where the discovery document is cached for the callback page (`sessionStorage`), when there is no domain. */
const metadataKey = (issuer: string): string => `react-cognito-sso:metadata:${issuer}`;

/**
 * oidc-client-ts's `UserManager` made correct for Cognito (internal; `<CognitoProvider>` builds one per config):
 * static metadata (no discovery) when the domain is known, a fresh nonce on every sign-in, every ID token verified
 * (signature, `iss`, `aud`, `token_use`, expiry) before anything is stored, refresh-token renewal only (Cognito
 * forbids iframes), and Cognito's own sign-out (`/oauth2/revoke`, then `/logout?client_id&logout_uri`).
 * Code written against react-oidc-context's `useAuth()` drives this class and gets the same behaviour.
 */
export class CognitoUserManager extends UserManager {
  /** The resolved configuration this manager was built from. */
  declare readonly config: ResolvedConfig;
  /** Where the session lives: `sessionStorage`, `localStorage` or an in-memory store. */
  declare readonly storage: Storage;
  readonly #jwks: JwksCache;

  /** @param config - a configuration checked by `resolveConfig` */
  constructor(config: ResolvedConfig) {
    const { storage: kind, issuer, endpoints: e, requestTimeoutSeconds } = config;
    const storage =
      kind === 'memory' ? new InMemoryWebStorage() : kind === 'local' ? localStorage : sessionStorage;
    const cached = sessionStorage.getItem(metadataKey(issuer));
    const metadata: Partial<OidcMetadata> | undefined = e
      ? {
          issuer,
          jwks_uri: config.jwksUri,
          authorization_endpoint: e.authorize,
          token_endpoint: e.token,
          userinfo_endpoint: e.userInfo,
          revocation_endpoint: e.revoke,
          end_session_endpoint: e.logout,
        }
      : cached
        ? (JSON.parse(cached) as Partial<OidcMetadata>)
        : undefined;
    // Left at oidc-client-ts's defaults: response_type 'code', loadUserInfo and monitorSession off.
    super(
      {
        authority: issuer,
        metadataUrl: config.metadataUrl,
        ...(metadata && { metadata }),
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        post_logout_redirect_uri: config.postLogoutRedirectUri,
        scope: config.scopes.join(' '),
        response_mode: 'query',
        filterProtocolClaims: false,
        automaticSilentRenew: false,
        revokeTokenTypes: ['refresh_token'],
        requestTimeoutInSeconds: requestTimeoutSeconds,
        userStore: new WebStorageStateStore({ store: storage }),
        // Sign-in state stays in this tab: a callback carrying another tab's state is refused.
        stateStore: new WebStorageStateStore({ store: sessionStorage }),
      },
      redirectNavigator,
    );
    this.config = config;
    this.storage = storage;
    this.#jwks = new JwksCache(config.jwksUri, { timeoutSeconds: requestTimeoutSeconds });
  }

  /** Reads the stored session synchronously (for the first render); `null` when there is none or it is unreadable. */
  readStoredUser(): User | null {
    try {
      const stored = this.storage.getItem(`oidc.${this._userStoreKey}`);
      return stored ? User.fromStorageString(stored) : null;
    } catch {
      return null;
    }
  }

  /**
   * Sends the browser to `/oauth2/authorize` with PKCE S256, a fresh random nonce and the sanitised return path
   * kept in the (local) sign-in state. Without a domain, the discovery document is read once and cached for the
   * callback page; its `issuer` must be the pool's.
   */
  override async signinRedirect(args: SigninRedirectArgs = {}): Promise<void> {
    const { endpoints, issuer, appOrigin } = this.config;
    if (!endpoints) {
      const metadata = await this.metadataService.getMetadata().catch((cause: unknown) => {
        const error = AuthError.from(cause, 'config');
        throw new AuthError(
          error.code,
          `discovery: could not read ${this.config.metadataUrl} (${error.message})${error.code === 'config' ? ' — check userPoolId, region and endpoint/authority.' : ''}`,
          { cause },
        );
      });
      if (metadata.issuer !== issuer) {
        throw new AuthError(
          'config',
          `discovery: issuer "${String(metadata.issuer)}" is not ${issuer} — check authority/endpoint.`,
        );
      }
      sessionStorage.setItem(metadataKey(issuer), JSON.stringify(metadata));
    }
    const returnTo = (args.state as { returnTo?: unknown } | undefined)?.returnTo;
    return super.signinRedirect({
      ...args,
      nonce: crypto.randomUUID(),
      state: { returnTo: sanitizeReturnTo(returnTo, appOrigin) },
    });
  }

  /** Exchanges the code (JWKS fetched in parallel) and verifies the ID token before the session is stored. */
  protected override async _signinEnd(url: string, verifySub?: string): Promise<User> {
    try {
      await this._client.readSigninResponseState(url);
    } catch (cause) {
      throw new AuthError(
        'state',
        'This sign-in response is unknown, expired or already used — sign in again.',
        { cause },
      );
    }
    if (new URL(url).searchParams.has('code')) this.#jwks.prefetch();
    try {
      const response = await this._client.processSigninResponse(url, {});
      if (!response.access_token)
        throw new AuthError('token', 'The token endpoint answered without an access token — sign in again.');
      await this.#verify(response);
      return await this._buildUser(response, verifySub);
    } catch (error) {
      // oidc-client-ts decodes the ID token first: jwt-decode's InvalidTokenError means the answer had none (or junk).
      throw error instanceof Error && error.name === 'InvalidTokenError'
        ? new AuthError('token', 'The token endpoint answered without a valid ID token — sign in again.', {
            cause: error,
          })
        : AuthError.from(error, error instanceof ErrorResponse ? 'callback' : 'token');
    }
  }

  /**
   * Renews with the refresh token: the new ID token is verified, and oidc-client-ts checks it names the same user;
   * an answer without a `refresh_token` keeps the old one, a rotated one replaces it. `invalid_grant` (and the other
   * final OAuth errors) → code `refresh`; any other error answer, a timeout, a 5xx or a malformed body → `network`.
   */
  protected override async _useRefreshToken(args: UseRefreshTokenArgs): Promise<User> {
    const response = await this._client
      .useRefreshToken({ ...args, timeoutInSeconds: this.config.requestTimeoutSeconds })
      .catch((error: unknown) => {
        throw AuthError.from(
          error,
          error instanceof ErrorResponse
            ? /^(invalid|unauthorized|unsupported)_/.test(error.error ?? '')
              ? 'refresh'
              : 'network'
            : 'token',
        );
      });
    if (!response.access_token)
      throw new AuthError('network', 'The token endpoint answered without an access token.');
    // Without a new ID token oidc-client-ts keeps the old one, and its claims object.
    if (response.profile !== args.state.profile) await this.#verify(response);
    const user = new User({ ...args.state, ...response });
    await this.storeUser(user);
    await this._events.load(user);
    return user;
  }

  /**
   * Stores (or, with `null`, removes) the session.
   *
   * @throws AuthError code `token` when the browser storage refuses it (quota exceeded: a very large ID token)
   */
  override async storeUser(user: User | null): Promise<void> {
    try {
      await super.storeUser(user);
    } catch (cause) {
      throw new AuthError(
        'token',
        'The tokens are too large for the browser storage (hundreds of groups?) — nothing was stored.',
        { cause },
      );
    }
  }

  /**
   * Renews with the refresh token — never an iframe (Cognito's hosted UI cannot be framed).
   *
   * @throws AuthError code `session` when there is no refresh token
   */
  override async signinSilent(): Promise<User> {
    const user = await this._loadUser();
    if (!user?.refresh_token)
      throw new AuthError('session', 'No refresh token to renew the session with — sign in again.');
    return (await super.signinSilent()) as User;
  }

  /**
   * Cognito sign-out: revokes the refresh token at `/oauth2/revoke` (best effort), clears the session, then
   * navigates to `{domain}/logout?client_id=…&logout_uri=…`.
   *
   * @throws AuthError code `signout` when discovery gave no logout endpoint
   */
  override async signoutRedirect(): Promise<void> {
    const { endpoints, clientId, postLogoutRedirectUri } = this.config;
    // `revokeTokenTypes` is ['refresh_token']: Cognito's /oauth2/revoke takes refresh tokens only.
    await this.revokeTokens().catch(() => undefined);
    await this.removeUser();
    const logout = endpoints?.logout ?? (await this.metadataService.getEndSessionEndpoint());
    if (!logout)
      throw new AuthError('signout', 'The pool publishes no end_session_endpoint — set the `domain` option.');
    redirectTo(logoutUrl({ logout }, clientId, postLogoutRedirectUri));
  }

  /**
   * Verifies a token response's ID token. "Now" is the token's own `iat` — the server time learnt at issue — so a
   * device clock hours off neither rejects a fresh token nor lets an expired one through (`exp` before `iat`).
   */
  #verify({ id_token = '', profile }: { id_token?: string | undefined; profile: { iat: number } }) {
    const { issuer, clientId } = this.config;
    return verifyIdToken(id_token, this.#jwks, { issuer, clientId, nowSeconds: profile.iat });
  }
}
