import { describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../src/AuthError.js';
import { JwksCache } from '../../src/JwksCache.js';
import { signingKey } from './support/signingKey.js';

const URI = 'http://127.0.0.1:4000/us-east-1_Em0lat0r/.well-known/jwks.json';
const { jwk: rsa } = await signingKey('k1');

/** A cache whose fetch serves `keys()` and counts calls. */
function setup(
  keys: () => unknown[] = () => [{ ...rsa, kid: 'k1' }],
  options: { timeoutSeconds?: number } = {},
) {
  const fetchStub = vi.fn<typeof fetch>(async () => Response.json({ keys: keys() }));
  return { fetchStub, cache: new JwksCache(URI, { ...options, fetch: fetchStub }) };
}

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const err: unknown = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthError);
  return err as AuthError;
}

describe('JwksCache', () => {
  it('imports the RS256 key with this kid as a non-extractable verify key', async () => {
    const { cache, fetchStub } = setup();
    const key = await cache.getKey('k1');
    expect(key.type).toBe('public');
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(['verify']);
    expect(key.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
    expect(fetchStub).toHaveBeenCalledWith(URI, { signal: expect.any(AbortSignal) });
  });

  it('fetches the key set once and serves later and concurrent lookups from the cache', async () => {
    const { cache, fetchStub } = setup();
    void cache.load();
    await cache.load();
    await Promise.all([cache.getKey('k1'), cache.getKey('k1')]);
    await cache.getKey('k1');
    expect(fetchStub).toHaveBeenCalledTimes(1);
  });

  it('accepts keys without alg and use', async () => {
    const { cache } = setup(() => [{ kty: 'RSA', n: rsa.n, e: rsa.e, kid: 'bare' }]);
    expect((await cache.getKey('bare')).type).toBe('public');
  });

  it('skips a null entry in the key set and finds the key after it', async () => {
    const { cache, fetchStub } = setup(() => [null, { ...rsa, kid: 'k1' }]);
    expect((await cache.getKey('k1')).type).toBe('public');
    expect(fetchStub).toHaveBeenCalledTimes(1);
  });

  it('refetches once on an unknown kid and finds a rotated key', async () => {
    let keys = [{ ...rsa, kid: 'k1' }];
    const { cache, fetchStub } = setup(() => keys);
    await cache.getKey('k1');
    keys = [{ ...rsa, kid: 'k2' }];
    expect((await cache.getKey('k2')).type).toBe('public');
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });

  it('refetches at most once per 30 s on unknown kids', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
    const { cache, fetchStub } = setup();
    expect((await failure(cache.getKey('x1'))).message).toBe(
      `ID token rejected: kid "x1" is not among the keys at ${URI} — check userPoolId.`,
    );
    expect(fetchStub).toHaveBeenCalledTimes(2);
    vi.setSystemTime(new Date('2025-01-01T00:00:29Z'));
    expect((await failure(cache.getKey('x2'))).code).toBe('token');
    expect(fetchStub).toHaveBeenCalledTimes(2);
    vi.setSystemTime(new Date('2025-01-01T00:00:30Z'));
    await failure(cache.getKey('x3'));
    expect(fetchStub).toHaveBeenCalledTimes(3);
  });

  it('shares one refetch between concurrent lookups of an unknown kid', async () => {
    const { cache, fetchStub } = setup();
    await cache.getKey('k1');
    await Promise.all([failure(cache.getKey('x1')), failure(cache.getKey('x2'))]);
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['an EC key', { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, 'kty EC, alg RS256, use sig'],
    ['an RS512 key', { ...({} as JsonWebKey), alg: 'RS512' }, 'kty RSA, alg RS512, use sig'],
    ['an encryption key', { use: 'enc' }, 'kty RSA, alg RS256, use enc'],
    ['an RSA key without modulus', { n: undefined }, 'kty RSA, alg RS256, use sig'],
  ])('refuses %s without refetching (the kid is known)', async (_name, patch, detail) => {
    const { cache, fetchStub } = setup(() => [{ ...rsa, ...patch, kid: 'k1' }]);
    const err = await failure(cache.getKey('k1'));
    expect(err.code).toBe('token');
    expect(err.message).toBe(
      `ID token rejected: kid "k1" is not an RS256 signing key (${detail}) — sign in again.`,
    );
    expect(fetchStub).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'a failed request',
      async () => Promise.reject(new TypeError('Failed to fetch')),
      /: TypeError: Failed to fetch — /,
    ],
    ['a 500 answer', async () => new Response('oops', { status: 500 }), /: HTTP 500 — /],
    ['a 429 answer (throttled)', async () => new Response('{}', { status: 429 }), /: HTTP 429 — /],
    ['a 408 answer', async () => new Response('{}', { status: 408 }), /: HTTP 408 — /],
    [
      'a 3xx answer that fetch does not follow',
      async () => new Response('{}', { status: 300 }),
      /: HTTP 300 — /,
    ],
  ])('reports %s as a network error', async (_name, answer, reason) => {
    const cache = new JwksCache(URI, { fetch: vi.fn<typeof fetch>(answer) });
    const err = await failure(cache.getKey('k1'));
    expect(err.code).toBe('network');
    expect(err.message).toMatch(
      /^Could not load signing keys from http:\/\/127\.0\.0\.1:4000\/.*jwks\.json: /,
    );
    expect(err.message).toMatch(reason);
    expect(err.message).toMatch(/ — check the network connection and try again\.$/);
    expect(err.cause).toBeDefined();
  });

  it.each([400, 404])(
    'reports a %i answer (no such pool) as a configuration error that says what to fix',
    async (status) => {
      const cache = new JwksCache(URI, {
        fetch: vi.fn<typeof fetch>(async () => new Response('{}', { status })),
      });
      const err = await failure(cache.getKey('k1'));
      expect(err.code).toBe('config');
      expect(err.message).toBe(
        `Could not load signing keys from ${URI}: HTTP ${status} — check userPoolId, region and endpoint/authority.`,
      );
    },
  );

  it.each([
    [
      'an HTML page (an app answering any path, behind a wrong endpoint)',
      async () => new Response('<!doctype html><html>', { headers: { 'Content-Type': 'text/html' } }),
      /: SyntaxError: .*JSON.* — /,
    ],
    ['an empty answer', async () => new Response(null, { status: 204 }), /: no "keys" array — /],
    ['an answer without keys', async () => Response.json({ kid: 'k1' }), /: no "keys" array — /],
    ['an answer of null', async () => Response.json(null), /: no "keys" array — /],
  ])('reports a 2xx with %s as a configuration error', async (_name, answer, reason) => {
    const err = await failure(new JwksCache(URI, { fetch: vi.fn<typeof fetch>(answer) }).getKey('k1'));
    expect(err.code).toBe('config');
    expect(err.message).toMatch(reason);
    expect(err.message).toMatch(/ — check userPoolId, region and endpoint\/authority\.$/);
  });

  it('tells a 2xx body cut off in transit (network) from one that is no key set (config)', async () => {
    const cutOff = async () =>
      new Response(
        new ReadableStream({
          start: (controller) => controller.error(new TypeError('terminated')),
        }),
      );
    const err = await failure(new JwksCache(URI, { fetch: vi.fn<typeof fetch>(cutOff) }).getKey('k1'));
    expect(err).toMatchObject({ code: 'network', cause: new TypeError('terminated') });
    const html = async () => new Response('<html>');
    expect(
      await failure(new JwksCache(URI, { fetch: vi.fn<typeof fetch>(html) }).getKey('k1')),
    ).toMatchObject({
      code: 'config',
    });
  });

  it('aborts a request that outlives the timeout (default 10 s)', async () => {
    vi.useFakeTimers();
    const fetchStub = vi.fn<typeof fetch>(
      (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('The operation was aborted.', 'AbortError')),
          );
        }),
    );
    const pending = failure(new JwksCache(URI, { fetch: fetchStub }).getKey('k1'));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(fetchStub.mock.calls[0]?.[1]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).code).toBe('network');
  });

  it('clears the timeout once the key set is loaded', async () => {
    vi.useFakeTimers();
    await setup().cache.getKey('k1');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('honours timeoutSeconds', async () => {
    vi.useFakeTimers();
    const fetchStub = vi.fn<typeof fetch>(
      (_input, init) =>
        new Promise((_r, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    );
    const pending = failure(new JwksCache(URI, { fetch: fetchStub, timeoutSeconds: 2 }).getKey('k1'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await pending).message).toMatch(/jwks\.json: Error: aborted — check the network connection/);
  });

  it('rejects a failed load with the AuthError getKey would throw, and fetches again on getKey', async () => {
    let calls = 0;
    const fetchStub = vi.fn<typeof fetch>(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return Response.json({ keys: [{ ...rsa, kid: 'k1' }] });
    });
    const cache = new JwksCache(URI, { fetch: fetchStub });
    expect(await failure(cache.load())).toMatchObject({ code: 'network' });
    expect((await cache.getKey('k1')).type).toBe('public');
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });

  it('uses the global fetch by default, called unbound', async () => {
    const globalFetch = vi.fn(async function (this: unknown) {
      return Response.json({ keys: [{ ...rsa, kid: 'k1' }] });
    });
    vi.stubGlobal('fetch', globalFetch);
    await new JwksCache(URI).getKey('k1');
    expect(globalFetch).toHaveBeenCalledTimes(1);
    expect(globalFetch.mock.contexts[0]).toBeUndefined();
  });
});
