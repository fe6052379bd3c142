import { AuthError } from './AuthError.js';

/** Minimum time between two refetches caused by an unknown `kid`. */
const REFETCH_INTERVAL_MS = 30_000;

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
  readonly #jwksUri: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  #keys: Promise<Map<string, JsonWebKey>> | undefined;
  #refetchedAt = -Infinity;

  /**
   * @param jwksUri - the pool's `jwks_uri`
   * @param options - `timeoutSeconds` per request (default: 10); `fetch` to use (default: the global `fetch`)
   */
  constructor(jwksUri: string, options: { timeoutSeconds?: number; fetch?: typeof fetch } = {}) {
    this.#jwksUri = jwksUri;
    this.#timeoutMs = (options.timeoutSeconds ?? 10) * 1000;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Starts the key fetch early (e.g. while the code exchange runs); its errors surface in `getKey`. */
  prefetch(): void {
    void this.#load();
  }

  /**
   * Returns the RS256 verification key with this `kid`, refetching the key set once when it is unknown.
   *
   * @throws AuthError code `token` when the pool has no usable RS256 signing key with this `kid`; code `network`
   *   when the key set cannot be loaded
   */
  async getKey(kid: string): Promise<CryptoKey> {
    const loaded = this.#load();
    let jwk = (await loaded).get(kid);
    if (!jwk) {
      if (this.#keys === loaded && Date.now() - this.#refetchedAt >= REFETCH_INTERVAL_MS) {
        this.#refetchedAt = Date.now();
        this.#keys = undefined;
      }
      jwk = (await this.#load()).get(kid);
    }
    const reject = (problem: string): never => {
      throw new AuthError('token', `ID token rejected: kid "${kid}" ${problem}.`);
    };
    if (!jwk) {
      return reject(
        `is not among the user pool's keys (${this.#jwksUri}) — the token was not signed by this user pool`,
      );
    }
    if (jwk.kty !== 'RSA' || (jwk.alg ?? 'RS256') !== 'RS256' || (jwk.use ?? 'sig') !== 'sig') {
      return reject(`is not an RS256 signing key (kty ${jwk.kty}, alg ${jwk.alg}, use ${jwk.use})`);
    }
    try {
      return await crypto.subtle.importKey(
        'jwk',
        { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey,
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['verify'],
      );
    } catch {
      return reject('is not a valid RSA key');
    }
  }

  #load(): Promise<Map<string, JsonWebKey>> {
    if (!this.#keys) {
      const keys = (this.#keys = this.#fetchKeys());
      keys.catch(() => {
        if (this.#keys === keys) this.#keys = undefined;
      });
    }
    return this.#keys;
  }

  async #fetchKeys(): Promise<Map<string, JsonWebKey>> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.#timeoutMs);
    try {
      const response = await this.#fetch(this.#jwksUri, { signal: abort.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { keys } = (await response.json()) as { keys?: unknown };
      if (!Array.isArray(keys)) throw new Error('no "keys" array');
      return new Map(keys.map((jwk: JsonWebKey & { kid?: unknown }) => [String(jwk.kid), jwk]));
    } catch (err) {
      throw new AuthError(
        'network',
        `Could not load the user pool's signing keys from ${this.#jwksUri} (${err instanceof Error ? err.message : String(err)}) — check the connection and the pool's issuer, then try again.`,
        { cause: err },
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
