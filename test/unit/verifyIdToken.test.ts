import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../src/AuthError.js';
import { JwksCache } from '../../src/JwksCache.js';
import { verifyIdToken } from '../../src/verifyIdToken.js';
import { b64url, signingKey, signJwt, type SigningKey } from './support/signingKey.js';

const ISSUER = 'http://127.0.0.1:4000/us-east-1_Em0lat0r';
const CLIENT = '3n4b5urk1ft4fl3mg5e62d9ado';
const NOW = 1_700_000_000;
const CLAIMS = {
  sub: '2f1c5e3a-8d7b-4c1e-9f0a-1b2c3d4e5f60',
  iss: ISSUER,
  aud: CLIENT,
  token_use: 'id',
  exp: NOW + 3600,
  iat: NOW - 10,
  auth_time: NOW - 10,
  'cognito:username': 'alice',
  email: 'alice@example.com',
  nonce: 'n-0S6_WzA2Mj',
};

const part = (value: unknown): string => b64url(JSON.stringify(value));

let poolKey: SigningKey;
let foreignKey: SigningKey;

beforeAll(async () => {
  [poolKey, foreignKey] = await Promise.all([signingKey('pool-key-1'), signingKey('foreign-key')]);
});

/** A key set served by a counted fetch stub. */
function pool(keys: JsonWebKey[] = [poolKey.jwk]) {
  const fetchStub = vi.fn<typeof fetch>(async () => Response.json({ keys }));
  return { fetchStub, cache: new JwksCache(`${ISSUER}/.well-known/jwks.json`, { fetch: fetchStub }) };
}

const token = (
  payload: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): Promise<string> =>
  signJwt(poolKey.privateKey, { alg: 'RS256', kid: poolKey.jwk.kid, ...header }, { ...CLAIMS, ...payload });

const without = (claim: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(CLAIMS).filter(([name]) => name !== claim));

type Expected = Parameters<typeof verifyIdToken>[2];
const expected: Expected = { issuer: ISSUER, clientId: CLIENT, nonce: CLAIMS.nonce, nowSeconds: NOW };

async function rejection(
  idToken: string,
  keys: Pick<JwksCache, 'getKey'> = pool().cache,
  options: Expected = expected,
): Promise<AuthError> {
  const err: unknown = await verifyIdToken(idToken, keys, options).then(
    () => {
      throw new Error('expected the token to be rejected');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthError);
  return err as AuthError;
}

async function tokenError(idToken: string, options: Expected = expected): Promise<string> {
  const err = await rejection(idToken, pool().cache, options);
  expect(err.code).toBe('token');
  expect(err.message).toMatch(/^ID token rejected: /);
  return err.message;
}

describe('verifyIdToken accepts', () => {
  it('a valid Cognito ID token and returns its claims', async () => {
    const { cache, fetchStub } = pool();
    expect(await verifyIdToken(await token(), cache, expected)).toEqual(CLAIMS);
    expect(fetchStub).toHaveBeenCalledTimes(1);
  });

  it('an array aud that contains the client', async () => {
    const claims = await verifyIdToken(await token({ aud: ['other', CLIENT] }), pool().cache, expected);
    expect(claims.aud).toEqual(['other', CLIENT]);
  });

  it('a token without nonce when none is expected', async () => {
    const options: Expected = { issuer: ISSUER, clientId: CLIENT, nowSeconds: NOW };
    expect((await verifyIdToken(await token({ nonce: undefined }), pool().cache, options)).sub).toBe(
      CLAIMS.sub,
    );
  });

  it('exp in the past but within the leeway (default 300 s), and iat slightly in the future', async () => {
    const claims = await verifyIdToken(
      await token({ exp: NOW - 299, iat: NOW + 299 }),
      pool().cache,
      expected,
    );
    expect(claims.exp).toBe(NOW - 299);
  });

  it('a token signed with a rotated key, after refetching the key set once', async () => {
    const rotated = await signingKey('pool-key-2');
    let keys = [poolKey.jwk];
    const fetchStub = vi.fn<typeof fetch>(async () => Response.json({ keys }));
    const cache = new JwksCache(`${ISSUER}/.well-known/jwks.json`, { fetch: fetchStub });
    await verifyIdToken(await token(), cache, expected);
    keys = [poolKey.jwk, rotated.jwk];
    const idToken = await signJwt(rotated.privateKey, { alg: 'RS256', kid: 'pool-key-2' }, CLAIMS);
    expect((await verifyIdToken(idToken, cache, expected)).sub).toBe(CLAIMS.sub);
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });

  it('by default checks exp against the device clock', async () => {
    const options: Expected = { issuer: ISSUER, clientId: CLIENT, nonce: CLAIMS.nonce };
    const now = Math.floor(Date.now() / 1000);
    expect((await verifyIdToken(await token({ exp: now + 60, iat: now }), pool().cache, options)).sub).toBe(
      CLAIMS.sub,
    );
    expect(await tokenError(await token({ exp: now - 400, iat: now - 4000 }), options)).toMatch(
      /^ID token rejected: exp is \d+, expected a later time \(now \d+, leeway 300 s\)/,
    );
  });
});

describe('verifyIdToken rejects', () => {
  it('another issuer', async () => {
    expect(
      await tokenError(await token({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' })),
    ).toBe(
      `ID token rejected: iss is "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", expected "${ISSUER}", this user pool.`,
    );
  });

  it('another client as aud', async () => {
    expect(await tokenError(await token({ aud: 'another-client' }))).toBe(
      `ID token rejected: aud is "another-client", expected "${CLIENT}", this app client.`,
    );
  });

  it('a missing aud', async () => {
    expect(
      await tokenError(
        await signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, without('aud')),
      ),
    ).toMatch(/aud is undefined, expected "3n4b5urk1ft4fl3mg5e62d9ado", this app client/);
  });

  it('an array aud without the client', async () => {
    expect(await tokenError(await token({ aud: ['a', 'b'] }))).toMatch(
      /aud is \["a","b"\], expected "3n4b5urk1ft4fl3mg5e62d9ado"/,
    );
  });

  it('an azp naming another client', async () => {
    expect(await tokenError(await token({ aud: [CLIENT, 'other'], azp: 'other' }))).toMatch(
      /azp is "other", expected "3n4b5urk1ft4fl3mg5e62d9ado", this app client/,
    );
  });

  it('an expired token (beyond the leeway)', async () => {
    expect(await tokenError(await token({ exp: NOW - 301 }))).toMatch(
      /^ID token rejected: exp is 1699999699, expected a later time \(now 1700000000, leeway 300 s\) — check the device clock and sign in again\.$/,
    );
  });

  it('an expired token with a custom leeway', async () => {
    expect(await tokenError(await token({ exp: NOW - 1 }), { ...expected, leewaySeconds: 0 })).toMatch(
      /exp is 1699999999, expected a later time \(now 1700000000, leeway 0 s\)/,
    );
  });

  it('a token without exp', async () => {
    expect(
      await tokenError(
        await signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, without('exp')),
      ),
    ).toMatch(/exp is undefined, expected a later time/);
  });

  it('a token without iat', async () => {
    expect(
      await tokenError(
        await signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, without('iat')),
      ),
    ).toMatch(/iat is undefined, expected an earlier time \(now 1700000000, leeway 300 s\)/);
  });

  it('a token issued in the future (beyond the leeway)', async () => {
    expect(await tokenError(await token({ iat: NOW + 301 }))).toMatch(
      /iat is 1700000301, expected an earlier time/,
    );
  });

  it('an access token offered as ID token', async () => {
    expect(await tokenError(await token({ token_use: 'access' }))).toMatch(
      /token_use is "access", expected "id" \(an access token is not an ID token\)/,
    );
  });

  it('a token without sub', async () => {
    expect(
      await tokenError(
        await signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, without('sub')),
      ),
    ).toMatch(/sub is undefined, expected the user's ID/);
  });

  it('a nonce that does not match', async () => {
    expect(await tokenError(await token({ nonce: 'other' }))).toMatch(
      /^ID token rejected: nonce is "other", expected the sign-in request's nonce \(replayed or foreign token\)\.$/,
    );
  });

  it('a missing nonce when one is expected', async () => {
    expect(await tokenError(await token({ nonce: undefined }))).toMatch(
      /nonce is undefined, expected the sign-in request's nonce/,
    );
  });

  it('alg none (unsigned)', async () => {
    const { fetchStub, cache } = pool();
    const unsigned = `${part({ alg: 'none', kid: 'pool-key-1' })}.${part(CLAIMS)}.`;
    const err = await rejection(unsigned, cache);
    expect(err.message).toBe(
      'ID token rejected: alg is "none", expected "RS256", the only algorithm accepted.',
    );
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('HS256, signed with the public key as HMAC secret', async () => {
    const secret = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(poolKey.jwk.n),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const input = `${part({ alg: 'HS256', kid: 'pool-key-1' })}.${part(CLAIMS)}`;
    const mac = await crypto.subtle.sign('HMAC', secret, new TextEncoder().encode(input));
    expect(await tokenError(`${input}.${b64url(mac)}`)).toMatch(/alg is "HS256", expected "RS256"/);
  });

  it('RS512 and a missing alg', async () => {
    expect(await tokenError(await token({}, { alg: 'RS512' }))).toMatch(/alg is "RS512"/);
    expect(await tokenError(await token({}, { alg: undefined }))).toMatch(/alg is undefined/);
  });

  it('a header without kid', async () => {
    expect(await tokenError(await token({}, { kid: undefined }))).toBe(
      "ID token rejected: kid is undefined, expected the signing key's ID.",
    );
    expect(await tokenError(await token({}, { kid: '' }))).toMatch(
      /kid is "", expected the signing key's ID/,
    );
  });

  it('a signature by a foreign key under the pool key’s kid', async () => {
    const forged = await signJwt(foreignKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, CLAIMS);
    expect(await tokenError(forged)).toMatch(
      /the signature does not verify with the user pool key "pool-key-1"/,
    );
  });

  it('an unknown kid, after exactly one refetch of the key set', async () => {
    const { fetchStub, cache } = pool();
    const foreign = await signJwt(foreignKey.privateKey, { alg: 'RS256', kid: 'foreign-key' }, CLAIMS);
    const err = await rejection(foreign, cache);
    expect(err.code).toBe('token');
    expect(err.message).toMatch(/^ID token rejected: kid "foreign-key" is not among the user pool's keys/);
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });

  it('a tampered payload', async () => {
    const [head, , signature] = (await token()).split('.');
    expect(
      await tokenError(`${head}.${part({ ...CLAIMS, 'cognito:groups': ['admin'] })}.${signature}`),
    ).toMatch(/signature does not verify/);
  });

  it('a truncated signature', async () => {
    expect(await tokenError((await token()).slice(0, -10))).toMatch(/signature does not verify/);
  });

  it.each([
    ['two parts', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0'],
    ['two parts with a kid', `${part({ alg: 'RS256', kid: 'pool-key-1' })}.${part(CLAIMS)}`],
    ['four parts', 'a.b.c.d'],
    ['an empty string', ''],
    ['a header that is not base64url', 'ey+J.eyJzdWIiOiJ4In0.sig'],
    ['a header that is not JSON', `${b64url(new TextEncoder().encode('not json'))}.${part(CLAIMS)}.sig`],
    ['a payload that is not JSON', `${part({ alg: 'RS256', kid: 'k' })}.bm90IGpzb24.sig`],
    ['a payload that is JSON null', `${part({ alg: 'RS256', kid: 'k' })}.${part(null)}.sig`],
    ['a payload that is a JSON string', `${part({ alg: 'RS256', kid: 'k' })}.${part('claims')}.sig`],
    ['a signature that is not base64url', `${part({ alg: 'RS256', kid: 'k' })}.${part(CLAIMS)}.a+b/`],
  ])('a malformed token: %s', async (_name, idToken) => {
    expect(await tokenError(idToken)).toBe(
      'ID token rejected: it is malformed (expected three base64url parts: JSON header, JSON payload, signature).',
    );
  });

  it('a non-string token', async () => {
    expect(await tokenError(undefined as unknown as string)).toMatch(/it is malformed/);
  });

  it('when the key set cannot be fetched, with a network error', async () => {
    const fetchStub = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await rejection(
      await token(),
      new JwksCache(`${ISSUER}/.well-known/jwks.json`, { fetch: fetchStub }),
    );
    expect(err.code).toBe('network');
    expect(err.message).toMatch(
      /Could not load the user pool's signing keys from .*jwks\.json \(Failed to fetch\)/,
    );
  });
});
