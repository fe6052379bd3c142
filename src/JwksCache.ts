import { AuthError } from './AuthError.js';
import { rejectIdToken } from './verifyIdToken.js';

/**
 * The user pool's signing keys, fetched once per page load from `{issuer}/.well-known/jwks.json` and cached; an
 * unknown `kid` (key rotation) triggers one refetch, at most one per 30 s, so forged `kid`s cannot flood the pool.
 * A failed fetch is not cached: the next {@link JwksCache.getKey} tries again.
 *
 * @example
 * ```ts
 * const keys = new JwksCache(config.jwksUri, { timeoutSeconds: 10 });
 * keys.prefetch();
 * const claims = await verifyIdToken(idToken, keys, { issuer, clientId });
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7517 (JSON Web Key)
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export class JwksCache {
  /** Starts the key fetch early (e.g. while the code exchange runs); its errors surface in `getKey`. */
  declare readonly prefetch: () => void;

  /**
   * Returns the RS256 verification key with this `kid`, refetching the key set once when it is unknown. WebCrypto's
   * JWK import refuses a key whose `kty` is not `RSA`, whose `alg` (when present) is not `RS256`, or whose `use`
   * (when present) is not `sig`.
   *
   * @throws AuthError code `token` when the pool has no usable RS256 signing key with this `kid`; code `config` when
   *   the key set answers 4xx (no such pool: a wrong pool ID or endpoint); code `network` when it cannot be loaded
   */
  declare readonly getKey: (kid: string) => Promise<CryptoKey>;

  /**
   * @param jwksUri - the pool's `jwks_uri`
   * @param options - `timeoutSeconds` per request (default: 10); `fetch` to use (default: the global `fetch`)
   */
  constructor(
    jwksUri: string,
    {
      timeoutSeconds = 10,
      fetch: get = (input, init) => fetch(input, init),
    }: { timeoutSeconds?: number; fetch?: typeof fetch } = {},
  ) {
    let keys: Promise<JsonWebKey[]> | undefined;
    let refetchedAt = -Infinity;

    const fetchKeys = async (): Promise<JsonWebKey[]> => {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutSeconds * 1000);
      try {
        const response = await get(jwksUri, { signal: abort.signal });
        if (response.status >= 400 && response.status < 500) {
          throw new AuthError(
            'config',
            `The user pool's signing keys at ${jwksUri} answered HTTP ${response.status} — check userPoolId, region and endpoint/authority.`,
          );
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const { keys: set } = (await response.json()) as { keys?: unknown };
        if (!Array.isArray(set)) throw new Error('no "keys" array');
        return set;
      } catch (err) {
        if (err instanceof AuthError) throw err;
        throw new AuthError(
          'network',
          `Could not load the user pool's signing keys from ${jwksUri} (${(err as Error | undefined)?.message ?? err}) — check the network connection and the pool's issuer, then try again.`,
          { cause: err },
        );
      } finally {
        clearTimeout(timer);
      }
    };

    const load = (): Promise<JsonWebKey[]> => {
      if (!keys) {
        const loading = (keys = fetchKeys());
        loading.catch(() => {
          if (keys === loading) keys = undefined;
        });
      }
      return keys;
    };

    this.prefetch = () => void load();

    this.getKey = async (kid) => {
      const find = (set: JsonWebKey[]) => set.find((jwk) => (jwk as { kid?: unknown } | null)?.kid === kid);
      const loaded = load();
      let jwk = find(await loaded);
      if (!jwk) {
        if (keys === loaded && Date.now() - refetchedAt >= 30_000) {
          refetchedAt = Date.now();
          keys = undefined;
        }
        jwk = find(await load());
      }
      if (!jwk) {
        return rejectIdToken(
          `kid "${kid}" is not among the user pool's keys (${jwksUri}) — the token was not signed by this user pool`,
        );
      }
      try {
        return await crypto.subtle.importKey(
          'jwk',
          jwk,
          { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
          false,
          ['verify'],
        );
      } catch {
        return rejectIdToken(
          `kid "${kid}" is not an RS256 signing key (kty ${jwk.kty}, alg ${jwk.alg}, use ${jwk.use})`,
        );
      }
    };
  }
}
