import { createHash } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';
import { errorOf, exchangeCode, pkcePair, postForm, signIn, signInForTokens } from './flow.js';

const CLIENT = 'tokenclient1';
const OTHER = 'otherclient2';
let emulator: CognitoEmulator;
let jwks: JSONWebKeySet;
/** The emulator's log lines. */
const log: string[] = [];
beforeAll(async () => {
  emulator = await startCognitoEmulator({
    log: (line) => log.push(line),
    clients: [
      { clientId: CLIENT, callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] },
      {
        clientId: OTHER,
        callbackUrls: ['https://other.example.com/cb'],
        logoutUrls: [],
        allowedScopes: ['email'],
      },
    ],
    users: [
      { username: 'alice', password: 'Alice-Pass-1', email: 'alice@example.com' },
      {
        username: 'bob',
        password: 'Bob-Pass-1',
        email: 'bob@example.com',
        emailVerified: false,
        groups: ['admin', 'editors'],
        sub: 'b0b0b0b0-0000-4000-8000-000000000000',
        attributes: { 'custom:team': 'data', name: 'Bob Builder' },
      },
      {
        username: 'carol',
        password: 'Carol-Pass-1',
        email: 'carol@example.com',
        attributes: {
          phone_number: '+15555550100',
          phone_number_verified: 'true',
          address: '1 Main St, Springfield',
        },
      },
      {
        username: 'dave',
        password: 'Dave-Pass-1',
        email: 'dave@example.com',
        emailVerified: false,
        attributes: { phone_number: '+15555550101', phone_number_verified: 'false' },
      },
    ],
    tokenLifetimes: { idTokenSeconds: 600, accessTokenSeconds: 900 },
  });
  jwks = (await (await fetch(`${emulator.issuer}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
});
afterEach(() => emulator.controls.setClockOffsetSeconds(0));
afterAll(() => emulator.stop());

const tokenUrl = (): string => `${emulator.domain}/oauth2/token`;

describe('authorization_code grant: PKCE S256', () => {
  it('exchanges a code with the right verifier', async () => {
    const signedIn = await signIn(emulator);
    const response = await exchangeCode(emulator, signedIn);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'id_token',
      'access_token',
      'refresh_token',
      'expires_in',
      'token_type',
    ]);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(900);
  });

  it('refuses a wrong verifier, and the code is spent by the attempt', async () => {
    const signedIn = await signIn(emulator);
    const wrong = await exchangeCode(emulator, signedIn, { code_verifier: pkcePair().verifier });
    expect(wrong.status).toBe(400);
    expect(await errorOf(wrong)).toBe('invalid_grant');
    expect(await errorOf(await exchangeCode(emulator, signedIn))).toBe('invalid_grant');
  });

  it('refuses the challenge itself sent as verifier (plain method)', async () => {
    const { challenge } = pkcePair();
    const signedIn = await signIn(emulator, { params: { code_challenge: challenge } });
    expect(await errorOf(await exchangeCode(emulator, { ...signedIn, verifier: challenge }))).toBe(
      'invalid_grant',
    );
  });

  it.each(['code_verifier', 'redirect_uri'])(
    'refuses a missing %s with invalid_request, and the code is spent by the attempt',
    async (missing) => {
      const signedIn = await signIn(emulator);
      const form: Record<string, string> = {
        grant_type: 'authorization_code',
        client_id: CLIENT,
        code: signedIn.code,
        redirect_uri: signedIn.redirectUri,
        code_verifier: signedIn.verifier,
      };
      delete form[missing];
      const response = await postForm(tokenUrl(), form);
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toBe('invalid_request');
      expect(await errorOf(await exchangeCode(emulator, signedIn))).toBe('invalid_grant');
    },
  );

  it('refuses a too-short verifier even when its S256 matches the challenge', async () => {
    const challenge = createHash('sha256').update('abc').digest('base64url');
    const signedIn = await signIn(emulator, { params: { code_challenge: challenge } });
    expect(await errorOf(await exchangeCode(emulator, { ...signedIn, verifier: 'abc' }))).toBe(
      'invalid_grant',
    );
  });
});

describe('authorization_code grant: expiry by the injected clock', () => {
  let now = Date.UTC(2030, 0, 1);
  let timed: CognitoEmulator;
  beforeAll(async () => {
    timed = await startCognitoEmulator({
      clients: [{ clientId: CLIENT, callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] }],
      users: [{ username: 'alice', password: 'Alice-Pass-1', email: 'alice@example.com' }],
      now: () => now,
    });
  });
  afterAll(() => timed.stop());

  it('refuses a code after 5 minutes and accepts it just before', async () => {
    const late = await signIn(timed);
    const inTime = await signIn(timed);
    now += 299_000;
    expect((await exchangeCode(timed, inTime)).status).toBe(200);
    now += 1000;
    expect(await errorOf(await exchangeCode(timed, late))).toBe('invalid_grant');
  });
});

describe('authorization_code grant: binding, single use, expiry', () => {
  it('refuses a replayed code', async () => {
    const signedIn = await signIn(emulator);
    expect((await exchangeCode(emulator, signedIn)).status).toBe(200);
    const replay = await exchangeCode(emulator, signedIn);
    expect(replay.status).toBe(400);
    expect(await errorOf(replay)).toBe('invalid_grant');
  });

  it('refuses another redirect_uri than the authorize request', async () => {
    const signedIn = await signIn(emulator);
    expect(
      await errorOf(await exchangeCode(emulator, signedIn, { redirect_uri: 'http://localhost:3000/other' })),
    ).toBe('invalid_grant');
  });

  it('refuses a code presented by another client', async () => {
    const signedIn = await signIn(emulator);
    expect(await errorOf(await exchangeCode(emulator, signedIn, { client_id: OTHER }))).toBe('invalid_grant');
  });

  it('refuses an unknown code', async () => {
    const signedIn = await signIn(emulator);
    expect(
      await errorOf(await exchangeCode(emulator, signedIn, { code: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('invalid_grant');
  });
});

describe('token endpoint: public clients and request format', () => {
  it.each([
    [
      'an Authorization: Basic header',
      {},
      { authorization: `Basic ${Buffer.from(`${CLIENT}:secret`).toString('base64')}` },
      'invalid_client',
    ],
    ['a client_secret', { client_secret: 'secret' }, {}, 'invalid_client'],
    ['an unknown client_id', { client_id: 'nobody' }, {}, 'invalid_client'],
    ['an empty client_id', { client_id: '' }, {}, 'invalid_request'],
    ['no client_id', { client_id: undefined }, {}, 'invalid_request'],
    ['an empty grant_type', { grant_type: '' }, {}, 'invalid_request'],
    ['no grant_type', { grant_type: undefined }, {}, 'invalid_request'],
    ['an empty code', { code: '' }, {}, 'invalid_request'],
    ['no code', { code: undefined }, {}, 'invalid_request'],
    ['the password grant', { grant_type: 'password' }, {}, 'unsupported_grant_type'],
    ['client_credentials', { grant_type: 'client_credentials' }, {}, 'unauthorized_client'],
  ])('refuses %s', async (_name, overrides: Record<string, string | undefined>, headers, error) => {
    const signedIn = await signIn(emulator);
    const form: Record<string, string | undefined> = {
      grant_type: 'authorization_code',
      client_id: CLIENT,
      code: signedIn.code,
      redirect_uri: signedIn.redirectUri,
      code_verifier: signedIn.verifier,
      ...overrides,
    };
    const response = await postForm(
      tokenUrl(),
      Object.fromEntries(
        Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
      headers,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await errorOf(response)).toBe(error);
  });

  it('refuses a valid form body labelled application/json', async () => {
    const tokens = await signInForTokens(emulator);
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: CLIENT,
      refresh_token: tokens.refresh_token ?? '',
    }).toString();
    const response = await fetch(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(await errorOf(response)).toBe('invalid_request');
    expect((await postForm(tokenUrl(), Object.fromEntries(new URLSearchParams(body)))).status).toBe(200);
  });

  it('reads the form media type in any case and with parameters', async () => {
    const response = await fetch(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': ' Application/X-WWW-Form-URLEncoded ; charset=UTF-8' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: CLIENT,
        refresh_token: 'x',
      }).toString(),
    });
    expect(await errorOf(response)).toBe('invalid_grant');
  });

  it('reads a body of exactly 64 KiB and refuses one byte more with invalid_request', async () => {
    const prefix = `grant_type=refresh_token&client_id=${CLIENT}&refresh_token=`;
    const post = (size: number): Promise<Response> =>
      fetch(tokenUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: prefix.padEnd(size, 'a'),
      });
    expect(await errorOf(await post(64 * 1024))).toBe('invalid_grant');
    expect(await errorOf(await post(64 * 1024 + 1))).toBe('invalid_request');
  });

  it('refuses a parameter given twice', async () => {
    const response = await fetch(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&client_id=${CLIENT}&refresh_token=a&refresh_token=b`,
    });
    expect(await errorOf(response)).toBe('invalid_request');
  });

  it('refuses GET', async () => {
    expect((await fetch(tokenUrl())).status).toBe(405);
  });
});

describe('token endpoint: log', () => {
  it('logs a refused request with the endpoint and the error, and not as a crash', async () => {
    const lines: string[] = [];
    const logged = await startCognitoEmulator({
      clients: [{ clientId: CLIENT, callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] }],
      log: (line) => lines.push(line),
    });
    try {
      const response = await postForm(`${logged.domain}/oauth2/token`, {
        grant_type: 'password',
        client_id: CLIENT,
      });
      expect(await errorOf(response)).toBe('unsupported_grant_type');
      expect(lines.filter((line) => line.startsWith('token: unsupported_grant_type'))).toHaveLength(1);
      expect(lines.filter((line) => line.includes('crashed'))).toEqual([]);
    } finally {
      await logged.stop();
    }
  });
});

describe('token shapes', () => {
  it('signs ID and access tokens with different published kids', async () => {
    const tokens = await signInForTokens(emulator);
    const idKid = decodeProtectedHeader(tokens.id_token ?? '').kid;
    const accessKid = decodeProtectedHeader(tokens.access_token).kid;
    expect(decodeProtectedHeader(tokens.access_token).alg).toBe('RS256');
    expect(idKid).not.toBe(accessKid);
    expect(jwks.keys.map((key) => key.kid)).toEqual([idKid, accessKid]);
  });

  it.each([
    ['carol', 'Carol-Pass-1', { phone_number_verified: true, email_verified: true }],
    ['dave', 'Dave-Pass-1', { phone_number_verified: false, email_verified: false }],
  ])(
    'issues the verified flags of %s as booleans in the ID token and as strings from userInfo, as Cognito does',
    async (username, password, flags) => {
      const tokens = await signInForTokens(emulator, {
        username,
        password,
        params: { scope: 'openid email phone' },
      });
      const { payload } = await jwtVerify(tokens.id_token ?? '', createLocalJWKSet(jwks));
      expect(payload).toMatchObject(flags);
      const info = (await (
        await fetch(`${emulator.domain}/oauth2/userInfo`, {
          headers: { Authorization: `Bearer ${tokens.access_token}` },
        })
      ).json()) as Record<string, unknown>;
      expect(info).toMatchObject({
        phone_number_verified: String(flags.phone_number_verified),
        email_verified: String(flags.email_verified),
      });
    },
  );

  it('issues the address as the OIDC address claim, an object with formatted', async () => {
    const tokens = await signInForTokens(emulator, { username: 'carol', password: 'Carol-Pass-1' });
    const { payload } = await jwtVerify(tokens.id_token ?? '', createLocalJWKSet(jwks));
    expect(payload.address).toEqual({ formatted: '1 Main St, Springfield' });
  });

  it("issues Cognito's ID token claims, verified against the JWKS", async () => {
    const before = Math.floor(Date.now() / 1000);
    const tokens = await signInForTokens(emulator, { username: 'bob', password: 'Bob-Pass-1' });
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token ?? '', createLocalJWKSet(jwks), {
      issuer: emulator.issuer,
      audience: CLIENT,
      algorithms: ['RS256'],
    });
    expect(protectedHeader).toEqual({ kid: jwks.keys[0]?.kid, alg: 'RS256' });
    expect(Object.keys(payload).sort()).toEqual(
      [
        'at_hash',
        'aud',
        'auth_time',
        'cognito:groups',
        'cognito:username',
        'custom:team',
        'email',
        'email_verified',
        'event_id',
        'exp',
        'iat',
        'iss',
        'jti',
        'name',
        'nonce',
        'origin_jti',
        'sub',
        'token_use',
      ].sort(),
    );
    expect(payload).toMatchObject({
      sub: 'b0b0b0b0-0000-4000-8000-000000000000',
      aud: CLIENT,
      token_use: 'id',
      'cognito:username': 'bob',
      'cognito:groups': ['admin', 'editors'],
      email: 'bob@example.com',
      email_verified: false,
      nonce: 'nonce-456',
      'custom:team': 'data',
      name: 'Bob Builder',
    });
    expect(payload.exp).toBe((payload.iat ?? 0) + 600);
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.auth_time).toBeLessThanOrEqual(payload.iat ?? 0);
    const expectedHash = createHash('sha256')
      .update(tokens.access_token)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(payload.at_hash).toBe(expectedHash);
  });

  it("issues Cognito's access token claims: version 2, client_id and scope, no aud", async () => {
    const tokens = await signInForTokens(emulator, { username: 'bob', password: 'Bob-Pass-1' });
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), {
      issuer: emulator.issuer,
      algorithms: ['RS256'],
    });
    expect(Object.keys(payload).sort()).toEqual(
      [
        'auth_time',
        'client_id',
        'cognito:groups',
        'event_id',
        'exp',
        'iat',
        'iss',
        'jti',
        'origin_jti',
        'scope',
        'sub',
        'token_use',
        'username',
        'version',
      ].sort(),
    );
    expect(payload).toMatchObject({
      client_id: CLIENT,
      version: 2,
      token_use: 'access',
      scope: 'openid email profile',
      username: 'bob',
    });
    expect(payload.exp).toBe((payload.iat ?? 0) + 900);
    const id = await jwtVerify(tokens.id_token ?? '', createLocalJWKSet(jwks));
    expect(payload.origin_jti).toBe(id.payload.origin_jti);
    expect(payload.event_id).toBe(id.payload.event_id);
    expect(payload.jti).not.toBe(id.payload.jti);
  });

  it('omits cognito:groups for a user without groups, and nonce when none was sent', async () => {
    const tokens = await signInForTokens(emulator, { params: { nonce: undefined } });
    const id = await jwtVerify(tokens.id_token ?? '', createLocalJWKSet(jwks));
    const access = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks));
    expect(id.payload).not.toHaveProperty('cognito:groups');
    expect(id.payload).not.toHaveProperty('nonce');
    expect(access.payload).not.toHaveProperty('cognito:groups');
    expect(id.payload.email_verified).toBe(true);
  });

  it('issues no ID token without the openid scope (aws.cognito.signin.user.admin alone)', async () => {
    const tokens = await signInForTokens(emulator, { params: { scope: 'aws.cognito.signin.user.admin' } });
    expect(tokens).not.toHaveProperty('id_token');
    const access = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks));
    expect(access.payload.scope).toBe('aws.cognito.signin.user.admin');
  });

  it("issues an opaque refresh token shaped like Cognito's: a five-part JWE of about 1.8 KB, not a JWS", async () => {
    const tokens = await signInForTokens(emulator);
    const parts = tokens.refresh_token?.split('.') ?? [];
    expect(parts.map((part) => part.length)).toEqual([62, 342, 16, 1334, 22]);
    expect(parts.every((part) => /^[\w-]+$/.test(part))).toBe(true);
    expect(JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString())).toEqual({
      cty: 'JWT',
      enc: 'A256GCM',
      alg: 'RSA-OAEP',
    });
    expect((await signInForTokens(emulator)).refresh_token).not.toBe(tokens.refresh_token);
  });

  it('uses the emulator clock for iat and exp', async () => {
    emulator.controls.setClockOffsetSeconds(86_400);
    const tokens = await signInForTokens(emulator);
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), {
      currentDate: new Date(Date.now() + 86_400_000),
    });
    expect(payload.iat).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 86_000);
  });
});

describe('CORS on the token endpoint', () => {
  it('allows origins of registered callback URLs, preflight included', async () => {
    const preflight = await fetch(tokenUrl(), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    const response = await postForm(
      tokenUrl(),
      { grant_type: 'refresh_token', client_id: CLIENT, refresh_token: 'x' },
      { origin: 'https://other.example.com' },
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('https://other.example.com');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('gives no CORS headers to other origins and refuses their preflight', async () => {
    const preflight = await fetch(tokenUrl(), {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const response = await postForm(
      tokenUrl(),
      { grant_type: 'refresh_token', client_id: CLIENT, refresh_token: 'x' },
      { origin: 'https://evil.example' },
    );
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('ends a preflight with its 204 or 403: nothing else answers it (no crash logged)', async () => {
    log.length = 0;
    for (const origin of ['http://localhost:3000', 'https://evil.example']) {
      await fetch(tokenUrl(), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    }
    // A second answer would throw inside the request, logged as a crash before the first answer is read.
    expect(log.filter((line) => line.includes('crashed'))).toEqual([]);
  });

  it('does not count preflights as token requests', async () => {
    emulator.controls.resetRequestCounts();
    await fetch(tokenUrl(), {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(emulator.controls.requestCounts().token).toBe(0);
  });
});
