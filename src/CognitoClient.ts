import {
  ErrorResponse,
  InMemoryWebStorage,
  OidcClient,
  User,
  WebStorageStateStore,
  type OidcMetadata,
  type UseRefreshTokenArgs,
} from 'oidc-client-ts';
import type { SignInOptions } from './AuthContext.js';
import { AuthError, SESSION_EXPIRED, type AuthErrorCode } from './AuthError.js';
import { JwksCache } from './JwksCache.js';
import { logoutUrl } from './logoutUrl.js';
import { redirectTo } from './redirectTo.js';
import type { ResolvedConfig } from './resolveConfig.js';
import { sanitizeReturnTo } from './sanitizeReturnTo.js';
import { parseSession } from './session/parseSession.js';
import { rejectIdToken, verifyIdToken } from './verifyIdToken.js';

/**
 * The protocol with Cognito, on oidc-client-ts's `OidcClient` (internal; one per {@link Session}): static metadata
 * (no discovery) when the domain is known, PKCE S256 with a fresh nonce on every sign-in, every ID token verified
 * (signature, `iss`, `aud`, `token_use`, expiry) before anything is stored, refresh-token renewal (Cognito forbids
 * iframes), and Cognito's own sign-out (`/oauth2/revoke`, then `/logout?client_id&logout_uri`).
 * `OidcClient` rather than `UserManager`: the protocol without the popups, iframes and timers this SDK never uses,
 * so an app's bundle does not carry them. Its state lives in the constructor's closure (shorter in the bundle than
 * private fields).
 */
export class CognitoClient {
  /**
   * The stored session, read synchronously (for the first render); `null` when there is none or it is unreadable
   * (see {@link parseSession}).
   */
  declare readonly read: () => User | null;
  /**
   * Stores the session, or removes it with `null`.
   *
   * @throws AuthError code `token` when the browser storage refuses it (quota exceeded: a very large ID token)
   */
  declare readonly store: (user: User | null) => void;
  /**
   * Sends the browser to `/oauth2/authorize` with PKCE S256, a fresh random nonce and the sanitised return path
   * kept in the (local) sign-in state. Without a domain, the discovery document is read once and cached for the
   * callback page; its `issuer` must be the pool's (either form, see `ResolvedConfig.issuers`).
   */
  declare readonly signIn: (options: SignInOptions) => Promise<void>;
  /**
   * Finishes a sign-in: checks the response's `state`, exchanges the code (JWKS fetched in parallel), verifies the
   * ID token and stores the session. A refresh token received with an answer that is rejected or cannot be stored
   * is revoked.
   */
  declare readonly finishSignIn: (url: string) => Promise<User>;
  /**
   * Renews with the refresh token (the caller stores the result): a new ID token is verified, must name the same
   * user (`sub`) and must be newer than the session's (`iat` not earlier, not the same token: no replay of an old
   * one); an answer without an ID token keeps the old one, without a `refresh_token` keeps the old one, a rotated one
   * replaces it. When the key set cannot be fetched to verify the answer (`network`), a rotated refresh token in it is
   * stored here, beside the session's tokens, for the retry — unless the stored session changed meanwhile; a rotated
   * one not kept (another user's session stored meanwhile) or from a rejected answer is revoked.
   * `invalid_grant` (and the other final OAuth errors) → code `refresh`; any other error answer, a timeout, a 5xx or
   * a malformed body → `network`.
   *
   * @throws AuthError code `session` when the session holds no refresh token
   */
  declare readonly refresh: (user: User) => Promise<User>;
  /** Revokes a refresh token at `/oauth2/revoke` (Cognito revokes refresh tokens only), if any; never throws. */
  declare readonly revoke: (tokens: { refresh_token?: string | undefined } | null) => Promise<void>;
  /**
   * Cognito's sign-out URL, `{domain}/logout?client_id=…&logout_uri=…`.
   *
   * @throws AuthError code `signout` when discovery gave no logout endpoint
   */
  declare readonly logoutUrl: () => Promise<string>;

  /** @param config - a configuration checked by `resolveConfig` */
  constructor(config: ResolvedConfig) {
    const {
      storage: kind,
      issuer,
      issuers,
      endpoints: e,
      clientId,
      requestTimeoutSeconds: seconds,
      jwksUri,
      metadataUrl,
    } = config;
    let metadata: Partial<OidcMetadata> | undefined;
    if (e) {
      metadata = {
        issuer,
        jwks_uri: jwksUri,
        authorization_endpoint: e.authorize,
        token_endpoint: e.token,
        revocation_endpoint: e.revoke,
        end_session_endpoint: e.logout,
      };
    } else {
      // The discovery document this tab cached when it sent the user to sign in, if it is still one of the pool's:
      // damaged or foreign data is fetched again instead of breaking the render.
      try {
        const cached = JSON.parse(sessionStorage.getItem(metadataKey(issuer)) ?? 'null') as
          typeof metadata | null;
        if (cached && issuers.includes(cached.issuer as string)) metadata = cached;
      } catch {
        // not JSON: fetched again
      }
    }
    /** Where the session lives: `sessionStorage`, `localStorage` or an in-memory store. */
    const storage: Storage =
      kind === 'memory' ? new InMemoryWebStorage() : kind === 'local' ? localStorage : sessionStorage;
    /** The session's storage key, oidc-client-ts's `oidc.user:{authority}:{client_id}`. */
    const key = `oidc.user:${issuer}:${clientId}`;
    const jwks = new JwksCache(jwksUri, { timeoutSeconds: seconds });
    // Left at oidc-client-ts's defaults: response_type 'code' (with PKCE S256) and loadUserInfo off.
    const oidc = new OidcClient({
      authority: issuer,
      metadataUrl,
      ...(metadata && { metadata }),
      client_id: clientId,
      redirect_uri: config.redirectUri,
      scope: config.scopes.join(' '),
      response_mode: 'query',
      filterProtocolClaims: false,
      requestTimeoutInSeconds: seconds,
      // Sign-in state stays in this tab: a callback carrying another tab's state is refused.
      stateStore: new WebStorageStateStore({ store: sessionStorage }),
    });

    /**
     * `request`, or AuthError code `network` once `requestTimeoutSeconds` have passed: oidc-client-ts's own timeout
     * ends when the headers arrive, so an answer whose body stalls would otherwise never settle — and hold the
     * renewal lock of every tab.
     */
    const within = <T>(request: Promise<T>): Promise<T> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return Promise.race([
        request,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new AuthError(
                  'network',
                  `No answer within ${seconds} s — check the network connection and try again.`,
                ),
              ),
            seconds * 1000,
          );
        }),
      ]).finally(() => clearTimeout(timer));
    };

    /**
     * Verifies a token response's ID token. "Now" is the token's own `iat` — the server time learnt at issue — so a
     * device clock hours off does not reject a fresh token: `exp` must come after `iat`, without leeway (the two are
     * the same clock). Freshness comes from elsewhere: on sign-in the nonce ties the token to this request; on
     * renewal it must be newer than the session's (see {@link CognitoClient.refresh}).
     */
    const verify = (
      { id_token = '', profile }: { id_token?: string | undefined; profile: { iat: number } },
      nonce?: string,
    ) =>
      verifyIdToken(id_token, jwks, {
        issuer: issuers,
        clientId,
        nowSeconds: profile.iat,
        leewaySeconds: 0,
        nonce,
      });

    const read = (): User | null => {
      const stored = storage.getItem(key);
      return stored ? parseSession(stored) : null;
    };

    const store = (user: User | null): void => {
      if (!user) return storage.removeItem(key);
      try {
        storage.setItem(key, user.toStorageString());
      } catch (cause) {
        throw new AuthError(
          'token',
          'The tokens are too large for the browser storage (hundreds of groups?) — nothing was stored.',
          { cause },
        );
      }
    };

    /** The endpoints are known: the domain's, or a cached discovery document of the pool's. */
    let known = !!metadata;
    /**
     * Without a domain, the discovery document, read once (oidc-client-ts keeps it) and cached for the callback page,
     * before any of its endpoints is used: its `issuer` must be the pool's.
     */
    const discover = async (): Promise<void> => {
      if (known) return;
      const discovered = await within(oidc.metadataService.getMetadata()).catch((cause: unknown) => {
        const { code, message } = AuthError.from(cause, 'config');
        throw new AuthError(
          code,
          `discovery: ${metadataUrl} failed (${message})${code === 'config' ? ' — check userPoolId, region and endpoint/authority.' : ''}`,
          { cause },
        );
      });
      if (!issuers.includes(discovered.issuer as string)) {
        throw new AuthError(
          'config',
          `discovery: issuer "${String(discovered.issuer)}" is not ${issuers.join(' or ')} — check authority/endpoint.`,
        );
      }
      sessionStorage.setItem(metadataKey(issuer), JSON.stringify(discovered));
      known = true;
    };

    const revoke = async (tokens: { refresh_token?: string | undefined } | null): Promise<void> => {
      if (tokens?.refresh_token)
        await within(discover().then(() => oidc.revokeToken(tokens.refresh_token!, 'refresh_token'))).catch(
          () => undefined,
        );
    };

    Object.assign(this, {
      read,
      store,
      revoke,

      signIn: async ({ returnTo, identityProvider, loginHint, lang, replace }: SignInOptions) => {
        await discover();
        const request = await oidc.createSigninRequest({
          state: { returnTo: sanitizeReturnTo(returnTo, config.appOrigin) },
          nonce: crypto.randomUUID(),
          // Only the options given: JSON drops the undefined ones.
          extraQueryParams: JSON.parse(
            JSON.stringify({ identity_provider: identityProvider, login_hint: loginHint, lang }),
          ) as Record<string, string>,
        });
        redirectTo(request.url, { replace });
      },

      finishSignIn: async (url: string) => {
        const { state } = await oidc.readSigninResponseState(url).catch((cause: unknown) => {
          throw new AuthError(
            'state',
            'This sign-in response is unknown, expired or already used — sign in again.',
            { cause },
          );
        });
        if (new URL(url).searchParams.has('code')) jwks.load().catch(() => undefined);
        await discover();
        const response = await within(oidc.processSigninResponse(url)).catch((error: unknown) => {
          throw tokenRequestError(error, error instanceof ErrorResponse ? 'callback' : 'token');
        });
        try {
          if (!usable(response))
            throw new AuthError(
              'token',
              'The token endpoint answered without an access token or its lifetime (expires_in) — sign in again.',
            );
          // The profile is the verified claims: a response whose JSON replaced its prototype (`__proto__`) skipped
          // oidc-client-ts's own nonce and profile processing.
          response.profile = (await verify(response, state.nonce)) as unknown as typeof response.profile;
          const user = new User(response);
          store(user);
          return user;
        } catch (error) {
          await revoke(response);
          throw error;
        }
      },

      refresh: async (user: User) => {
        const { refresh_token, id_token, scope, session_state, profile } = user;
        if (!refresh_token)
          throw new AuthError('session', 'No refresh token to renew the session with — sign in again.');
        // Without the old ID token, oidc-client-ts does not compare the new one with it: its `auth_time` check would
        // end the session where Cognito changes `auth_time` on renewal (refresh-token rotation, oidc-client-ts
        // #2107). The `sub` check is below; `iss`, `aud` and `azp` are checked against the configuration by verify.
        const state = {
          refresh_token,
          scope,
          session_state,
          profile,
          data: user.state,
        } as UseRefreshTokenArgs['state'];
        // The keys (and the endpoints) first: a refresh token spent (and, with rotation, replaced) must not be lost to
        // a failed key fetch.
        await Promise.all([jwks.load(), discover()]).catch(passingFault);
        const response = await within(oidc.useRefreshToken({ state, timeoutInSeconds: seconds })).catch(
          (error: unknown) => {
            // A final OAuth error ends the session; a refresh token revoked or expired (invalid_grant) reads as in
            // the other tabs (Cognito's `error` stays), a configuration error names itself.
            if (error instanceof ErrorResponse && error.error === 'invalid_grant')
              throw AuthError.from(error, 'refresh', SESSION_EXPIRED);
            throw tokenRequestError(
              error,
              error instanceof ErrorResponse
                ? /^(invalid|unauthorized|unsupported)_/.test(error.error ?? '')
                  ? 'refresh'
                  : 'network'
                : 'token',
            );
          },
        );
        if (!usable(response))
          throw new AuthError(
            'network',
            'The token endpoint answered without an access token or its lifetime (expires_in).',
          );
        if (response.id_token) {
          try {
            const claims = await verify(response);
            const { sub, iat } = claims;
            if (sub !== profile.sub) rejectIdToken(`sub is "${sub}", expected "${profile.sub}"`);
            // The server's clock only moves on: a token issued before the session's own, or that one again, is a
            // replay.
            if (iat < profile.iat || response.id_token === id_token)
              rejectIdToken(
                `iat ${iat} is not after the session's ID token (iat ${profile.iat}): a replayed token`,
              );
            // The new token's verified claims, as oidc-client-ts sets them — unless the answer turned its processing
            // off.
            response.profile = claims as unknown as typeof response.profile;
          } catch (error) {
            // The refresh token is spent. After a key-set fault (retried), a rotated one replaces it beside the
            // session's tokens, or the retry would present the spent one (`invalid_grant` under rotation without
            // grace) — unless the stored session changed meanwhile. A rotated one that is not kept is revoked, unless
            // the same user's session may share its family (as in Session's renewal).
            const now = read();
            if ((error as AuthError).code !== 'token' && now?.refresh_token === refresh_token) {
              if (response.refresh_token) store(new User({ ...user, refresh_token: response.refresh_token }));
            } else if ((error as AuthError).code === 'token' || now?.profile.sub !== profile.sub) {
              await revoke(response);
            }
            return passingFault(error as AuthError);
          }
        } else if (id_token) {
          response.id_token = id_token;
        }
        return new User({ ...user, ...response });
      },

      logoutUrl: async () => {
        const logout = e?.logout ?? (await discover(), await oidc.metadataService.getEndSessionEndpoint());
        if (!logout)
          throw new AuthError(
            'signout',
            'The pool publishes no end_session_endpoint — set the `domain` option.',
          );
        return logoutUrl({ logout }, clientId, config.postLogoutRedirectUri);
      },
    } satisfies CognitoClient);
  }
}

/**
 * A token answer the session can run on: an access token and an expiry (from a positive `expires_in`) still ahead —
 * without one, the renewal would be due at once, again and again.
 */
const usable = (response: { access_token: string; expires_at?: number | undefined }): boolean =>
  !!response.access_token && response.expires_at! > Date.now() / 1000;

/**
 * A failed token request as an `AuthError`; a network failure's message says which request failed. oidc-client-ts
 * decodes the ID token first: jwt-decode's `InvalidTokenError` means the answer had none (or junk).
 */
function tokenRequestError(error: unknown, code: AuthErrorCode): AuthError {
  if ((error as Error).name === 'InvalidTokenError')
    return new AuthError('token', 'The token endpoint answered without a valid ID token — sign in again.', {
      cause: error,
    });
  const wrapped = AuthError.from(error, code);
  return wrapped.code === 'network'
    ? new AuthError('network', `The token request failed: ${wrapped.message}`, { cause: error })
    : wrapped;
}

/**
 * Rethrows a key-set failure during a renewal as `network` — a passing fault (e.g. a captive portal's page), since
 * this configuration worked at sign-in — so the session is kept and the renewal retried; other errors as they are.
 */
function passingFault(error: AuthError): never {
  throw error.code === 'config'
    ? new AuthError(
        'network',
        `${error.message.replace(/ — [^—]*$/, '')} — check the network connection and try again.`,
        { cause: error },
      )
    : error;
}

/** Where the discovery document is cached for the callback page (`sessionStorage`), when there is no domain. */
const metadataKey = (issuer: string): string => `react-cognito-sso:metadata:${issuer}`;
