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

  it("an iss that is any of the issuers expected (a pool's original and updated issuer)", async () => {
    const updated = 'https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r';
    for (const iss of [ISSUER, updated]) {
      const options: Expected = { ...expected, issuer: [ISSUER, updated] };
      expect((await verifyIdToken(await token({ iss }), pool().cache, options)).iss).toBe(iss);
    }
    const one: Expected = { ...expected, issuer: [updated] };
    expect((await verifyIdToken(await token({ iss: updated }), pool().cache, one)).iss).toBe(updated);
  });

  it('an array aud holding only the client', async () => {
    const claims = await verifyIdToken(await token({ aud: [CLIENT] }), pool().cache, expected);
    expect(claims.aud).toEqual([CLIENT]);
  });

  it('an azp naming this client', async () => {
    expect(await verifyIdToken(await token({ azp: CLIENT }), pool().cache, expected)).toMatchObject({
      azp: CLIENT,
    });
  });

  it('a token with a nonce when none is expected (none to compare, as on renewal)', async () => {
    const options: Expected = { issuer: ISSUER, clientId: CLIENT, nowSeconds: NOW };
    expect((await verifyIdToken(await token(), pool().cache, options)).nonce).toBe(CLAIMS.nonce);
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

  it('iat exactly at the end of the leeway', async () => {
    expect((await verifyIdToken(await token({ iat: NOW + 300 }), pool().cache, expected)).iat).toBe(
      NOW + 300,
    );
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
    const message = await tokenError(await token({ exp: now - 400, iat: now - 4000 }), options);
    const bound = Number(
      /^ID token rejected: exp is \d+, expected > (\d+) — sign in again\.$/.exec(message)?.[1],
    );
    expect(bound).toBeGreaterThanOrEqual(now - 300);
    expect(bound).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) - 300);
  });
});

describe('verifyIdToken rejects', () => {
  it('another issuer', async () => {
    expect(
      await tokenError(await token({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' })),
    ).toBe(
      `ID token rejected: iss is "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", expected "${ISSUER}" — check that userPoolId, domain and authority are one pool.`,
    );
  });

  it('an iss that is none of the issuers expected, naming them all', async () => {
    const updated = 'https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r';
    const options: Expected = { ...expected, issuer: [ISSUER, updated] };
    expect(await tokenError(await token({ iss: `${ISSUER}/` }), options)).toBe(
      `ID token rejected: iss is "${ISSUER}/", expected "${ISSUER}" or "${updated}" — check that userPoolId, domain and authority are one pool.`,
    );
    expect(await tokenError(await token({ iss: [ISSUER] }), options)).toMatch(
      /^ID token rejected: iss is \["http:.*"\], expected /,
    );
  });

  it('another client as aud', async () => {
    expect(await tokenError(await token({ aud: 'another-client' }))).toBe(
      `ID token rejected: aud is "another-client", expected "${CLIENT}" — check that clientId is this app client.`,
    );
  });

  it('a missing aud', async () => {
    expect(
      await tokenError(
        await signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, without('aud')),
      ),
    ).toMatch(/^ID token rejected: aud is undefined, expected "3n4b5urk1ft4fl3mg5e62d9ado" — /);
  });

  it('an array aud with another audience beside the client (untrusted: OIDC Core 3.1.3.7)', async () => {
    expect(await tokenError(await token({ aud: ['other', CLIENT] }))).toMatch(
      /^ID token rejected: aud is \["other","3n4b5urk1ft4fl3mg5e62d9ado"\], expected "3n4b5urk1ft4fl3mg5e62d9ado"/,
    );
  });

  it('an array aud with the client first and another audience after it', async () => {
    expect(await tokenError(await token({ aud: [CLIENT, 'other'] }))).toMatch(
      /^ID token rejected: aud is \["3n4b5urk1ft4fl3mg5e62d9ado","other"\], expected "3n4b5urk1ft4fl3mg5e62d9ado"/,
    );
  });

  it('an array aud without the client', async () => {
    expect(await tokenError(await token({ aud: ['a', 'b'] }))).toMatch(
      /aud is \["a","b"\], expected "3n4b5urk1ft4fl3mg5e62d9ado"/,
    );
  });

  it('an aud nested one array deeper than the client', async () => {
    expect(await tokenError(await token({ aud: [[CLIENT]] }))).toMatch(
      /^ID token rejected: aud is \[\["3n4b5urk1ft4fl3mg5e62d9ado"\]\], expected "3n4b5urk1ft4fl3mg5e62d9ado"/,
    );
  });

  it('an azp naming another client', async () => {
    expect(await tokenError(await token({ azp: 'other' }))).toMatch(
      /^ID token rejected: azp is "other", expected "3n4b5urk1ft4fl3mg5e62d9ado"/,
    );
  });

  it('an expired token (beyond the leeway)', async () => {
    expect(await tokenError(await token({ exp: NOW - 301 }))).toMatch(
      /^ID token rejected: exp is 1699999699, expected > 1699999700 — sign in again\.$/,
    );
  });

  it('exp exactly at the end of the leeway', async () => {
    expect(await tokenError(await token({ exp: NOW - 300 }))).toMatch(
      /^ID token rejected: exp is 1699999700, expected > 1699999700 — /,
    );
  });

  it('an expired token with a custom leeway', async () => {
    expect(await tokenError(await token({ exp: NOW - 1 }), { ...expected, leewaySeconds: 0 })).toMatch(
      /^ID token rejected: exp is 1699999999, expected > 1700000000 — /,
    );
  });

  it('a token without exp', async () => {
    expect(
      await tokenError(
        await signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, without('exp')),
      ),
    ).toMatch(/^ID token rejected: exp is undefined, expected > 1699999700 — /);
  });

  it('an exp that is not a number', async () => {
    expect(await tokenError(await token({ exp: String(NOW + 3600) }))).toMatch(
      /^ID token rejected: exp is "1700003600", expected > 1699999700 — /,
    );
  });

  it('a token without iat', async () => {
    expect(
      await tokenError(
        await signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, without('iat')),
      ),
    ).toMatch(/^ID token rejected: iat is undefined, expected <= 1700000300 — /);
  });

  it('an iat that is not a number', async () => {
    expect(await tokenError(await token({ iat: null }))).toMatch(
      /^ID token rejected: iat is null, expected <= 1700000300 — /,
    );
  });

  it('a token issued in the future (beyond the leeway)', async () => {
    expect(await tokenError(await token({ iat: NOW + 301 }))).toMatch(
      /^ID token rejected: iat is 1700000301, expected <= 1700000300 — /,
    );
  });

  it('an access token offered as ID token', async () => {
    expect(await tokenError(await token({ token_use: 'access' }))).toMatch(
      /^ID token rejected: token_use is "access", expected "id" — /,
    );
  });

  it('a token without sub', async () => {
    expect(
      await tokenError(
        await signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, without('sub')),
      ),
    ).toMatch(/^ID token rejected: sub is undefined, expected a user ID — /);
  });

  it('an empty or non-string sub', async () => {
    expect(await tokenError(await token({ sub: '' }))).toMatch(
      /^ID token rejected: sub is "", expected a user ID/,
    );
    expect(await tokenError(await token({ sub: 42 }))).toMatch(
      /^ID token rejected: sub is 42, expected a user ID/,
    );
  });

  it('a nonce that does not match', async () => {
    expect(await tokenError(await token({ nonce: 'other' }))).toMatch(
      /^ID token rejected: nonce is "other", expected this sign-in's nonce — sign in again\.$/,
    );
  });

  it('a missing nonce when one is expected', async () => {
    expect(await tokenError(await token({ nonce: undefined }))).toMatch(
      /^ID token rejected: nonce is undefined, expected this sign-in's nonce — /,
    );
  });

  it('alg none (unsigned)', async () => {
    const { fetchStub, cache } = pool();
    const unsigned = `${part({ alg: 'none', kid: 'pool-key-1' })}.${part(CLAIMS)}.`;
    const err = await rejection(unsigned, cache);
    expect(err.message).toBe('ID token rejected: alg is "none", expected "RS256" — sign in again.');
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
    expect(await tokenError(`${input}.${b64url(mac)}`)).toMatch(
      /^ID token rejected: alg is "HS256", expected "RS256" — /,
    );
  });

  it('RS512 and a missing alg', async () => {
    expect(await tokenError(await token({}, { alg: 'RS512' }))).toMatch(
      /^ID token rejected: alg is "RS512", expected "RS256"/,
    );
    expect(await tokenError(await token({}, { alg: undefined }))).toMatch(
      /^ID token rejected: alg is undefined, expected "RS256"/,
    );
  });

  it('a header without kid', async () => {
    expect(await tokenError(await token({}, { kid: undefined }))).toBe(
      'ID token rejected: kid is undefined, expected a key ID — sign in again.',
    );
    expect(await tokenError(await token({}, { kid: '' }))).toMatch(
      /^ID token rejected: kid is "", expected a key ID — /,
    );
  });

  it('a non-string kid, without fetching the key set', async () => {
    const { fetchStub, cache } = pool();
    const err = await rejection(await token({}, { kid: 1 }), cache);
    expect(err.message).toBe('ID token rejected: kid is 1, expected a key ID — sign in again.');
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('a signature by a foreign key under the pool key’s kid', async () => {
    const forged = await signJwt(foreignKey.privateKey, { alg: 'RS256', kid: 'pool-key-1' }, CLAIMS);
    expect(await tokenError(forged)).toBe(
      'ID token rejected: the signature does not verify — sign in again.',
    );
  });

  it('an unknown kid, after exactly one refetch of the key set', async () => {
    const { fetchStub, cache } = pool();
    const foreign = await signJwt(foreignKey.privateKey, { alg: 'RS256', kid: 'foreign-key' }, CLAIMS);
    const err = await rejection(foreign, cache);
    expect(err.code).toBe('token');
    expect(err.message).toMatch(
      /^ID token rejected: kid "foreign-key" is not among the keys at http:\/\/127\.0\.0\.1:4000\/us-east-1_Em0lat0r\/\.well-known\/jwks\.json — check userPoolId\.$/,
    );
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });

  it('a tampered payload', async () => {
    const [head, , signature] = (await token()).split('.');
    expect(
      await tokenError(`${head}.${part({ ...CLAIMS, 'cognito:groups': ['admin'] })}.${signature}`),
    ).toMatch(/^ID token rejected: the signature does not verify — /);
  });

  it('a truncated signature', async () => {
    expect(await tokenError((await token()).slice(0, -10))).toMatch(
      /^ID token rejected: the signature does not verify — /,
    );
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
      'ID token rejected: not a JWT (header.payload.signature) — sign in again.',
    );
  });

  it('a validly signed token with a fourth part in front of it or after it', async () => {
    const valid = await token();
    for (const idToken of [`${part({ alg: 'RS256' })}.${valid}`, `${valid}.${part({})}`]) {
      expect(await tokenError(idToken)).toBe(
        'ID token rejected: not a JWT (header.payload.signature) — sign in again.',
      );
    }
  });

  it('a non-string token', async () => {
    expect(await tokenError(undefined as unknown as string)).toBe(
      'ID token rejected: not a JWT (header.payload.signature) — sign in again.',
    );
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
    expect(err.message).toBe(
      `Could not load signing keys from ${ISSUER}/.well-known/jwks.json: TypeError: Failed to fetch — check the network connection and try again.`,
    );
  });
});
