import { AuthError } from './AuthError.js';
import { RS256, rejectIdToken } from './verifyIdToken.js';

/**
 * The user pool's signing keys, fetched once per page load from `{issuer}/.well-known/jwks.json` and cached; an
 * unknown `kid` (key rotation) triggers one refetch, at most one per 30 s, so forged `kid`s cannot flood the pool.
 * A failed fetch is not cached: the next {@link JwksCache.getKey} tries again.
 *
 * @example
 * ```ts
 * const keys = new JwksCache(config.jwksUri, { timeoutSeconds: 10 });
 * void keys.load().catch(() => undefined);
 * const claims = await verifyIdToken(idToken, keys, { issuer: config.issuers, clientId });
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7517 (JSON Web Key)
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export class JwksCache {
  /**
   * Loads the key set unless it is loaded or loading — early, e.g. while the code exchange runs, or before a
   * refresh token is spent. A failed load is not cached: `getKey` tries again.
   *
   * @throws AuthError as {@link JwksCache.getKey} when the key set cannot be loaded
   */
  declare readonly load: () => Promise<void>;

  /**
   * Returns the RS256 verification key with this `kid`, refetching the key set once when it is unknown. WebCrypto's
   * JWK import refuses a key whose `kty` is not `RSA`, whose `alg` (when present) is not `RS256`, or whose `use`
   * (when present) is not `sig`.
   *
   * @throws AuthError code `token` when the pool has no usable RS256 signing key with this `kid`; code `config` when
   *   the key set URL answers 4xx, or 2xx without a key set (e.g. an app's HTML page): no such pool, a wrong pool ID
   *   or endpoint; code `network` when it cannot be loaded
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
    let refetchAfter = -Infinity;

    const fetchKeys = async (): Promise<JsonWebKey[]> => {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutSeconds * 1000);
      let config = false;
      let problem: unknown;
      try {
        const response = await get(jwksUri, { signal: abort.signal });
        const { ok, status } = response;
        const body = ok && (await response.text());
        // An answer that says the URL is wrong: a 4xx, except 408 and 429 (timed out, throttled: worth retrying), or
        // a 2xx without a key set (e.g. an app's index.html, served for any path, behind a wrong endpoint).
        config = ok || (status > 399 && status < 500 && status !== 408 && status !== 429);
        problem = ok ? 'no "keys" array' : `HTTP ${status}`;
        const set = body && (JSON.parse(body) as { keys?: unknown } | null)?.keys;
        if (Array.isArray(set)) return set;
      } catch (err) {
        problem = err;
      } finally {
        clearTimeout(timer);
      }
      throw new AuthError(
        config ? 'config' : 'network',
        `Could not load signing keys from ${jwksUri}: ${problem} — ${config ? 'check userPoolId, region and endpoint/authority' : 'check the network connection and try again'}.`,
        { cause: problem },
      );
    };

    const load = (): Promise<JsonWebKey[]> =>
      (keys ??= fetchKeys().catch((err: unknown) => {
        keys = undefined;
        throw err;
      }));

    this.load = async () => {
      await load();
    };

    this.getKey = async (kid) => {
      const find = (set: JsonWebKey[]) => set.find((jwk) => (jwk as { kid?: unknown } | null)?.kid === kid);
      const loaded = load();
      let jwk = find(await loaded);
      const now = Date.now();
      if (!jwk) {
        if (keys === loaded && now >= refetchAfter) {
          refetchAfter = now + 30_000;
          keys = undefined;
        }
        jwk = find(await load());
      }
      if (!jwk) rejectIdToken(`kid "${kid}" is not among the keys at ${jwksUri}`, 'check userPoolId');
      try {
        return await crypto.subtle.importKey('jwk', jwk, RS256, false, ['verify']);
      } catch {
        const { kty, alg, use } = jwk;
        return rejectIdToken(`kid "${kid}" is not an RS256 signing key (kty ${kty}, alg ${alg}, use ${use})`);
      }
    };
  }
}
