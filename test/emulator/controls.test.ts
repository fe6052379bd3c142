import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator, Fault, FaultableEndpoint, IdTokenTamper } from 'react-cognito-sso/emulator';
import { errorOf, isHmacWithPublicKey, refresh, signInForTokens } from './flow.js';

let emulator: CognitoEmulator;
beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: [
      { clientId: 'controlsclient', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] },
    ],
  });
});
afterEach(() => {
  for (const endpoint of ['token', 'revoke', 'jwks', 'userInfo'] as const)
    emulator.controls.failNext(endpoint, 0, { status: 500 });
});
afterAll(() => emulator.stop());

const jwksUrl = (): string => `${emulator.issuer}/.well-known/jwks.json`;
const fetchJwks = async (): Promise<JSONWebKeySet> =>
  (await (await fetch(jwksUrl())).json()) as JSONWebKeySet;
const adminText = (
  name: string,
  body: string,
  contentType = 'application/json',
  origin = emulator.issuerOrigin,
): Promise<Response> =>
  fetch(`${origin}/_emulator/${name}`, { method: 'POST', headers: { 'content-type': contentType }, body });
const admin = (name: string, body: unknown, contentType = 'application/json'): Promise<Response> =>
  adminText(name, JSON.stringify(body), contentType);

describe('failNext', () => {
  it('answers the next N calls with the fault, then normally', async () => {
    const tokens = await signInForTokens(emulator);
    emulator.controls.failNext('token', 2, {
      status: 503,
      body: '<html>busy</html>',
      contentType: 'text/html',
    });
    for (let i = 0; i < 2; i += 1) {
      const response = await refresh(emulator, tokens.refresh_token ?? '', 'controlsclient');
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toBe('<html>busy</html>');
    }
    expect((await refresh(emulator, tokens.refresh_token ?? '', 'controlsclient')).status).toBe(200);
  });

  it.each<[string, Fault, string]>([
    ['an empty body', { body: '' }, 'application/json'],
    ['a status', { status: 503 }, 'application/json'],
    ['a content type', { contentType: 'text/plain' }, 'text/plain'],
  ])(
    'answers a fault with only %s: status 500 unless given, empty body, uncached',
    async (_what, fault, type) => {
      emulator.controls.failNext('jwks', 1, fault);
      const response = await fetch(jwksUrl());
      expect(response.status).toBe(fault.status ?? 500);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.text()).toBe('');
      expect((await fetch(jwksUrl())).status).toBe(200);
    },
  );

  it('count 0 clears the faults queued for the endpoint', async () => {
    emulator.controls.failNext('token', 2, { status: 503 });
    emulator.controls.failNext('token', 0, { status: 500 });
    expect((await refresh(emulator, 'unknown', 'controlsclient')).status).toBe(400);
  });

  it('keeps CORS headers on a faulted answer so that the app sees the status', async () => {
    emulator.controls.failNext('userInfo', 1, { status: 502 });
    const response = await fetch(`${emulator.domain}/oauth2/userInfo`, {
      headers: { origin: 'http://localhost:3000' },
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('drops the connection', async () => {
    emulator.controls.failNext('revoke', 1, { drop: true });
    await expect(
      fetch(`${emulator.domain}/oauth2/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'token=x&client_id=controlsclient',
      }),
    ).rejects.toThrow(TypeError);
    expect((await fetch(jwksUrl())).status).toBe(200);
  });

  it('stalls an answer after its headers until the client gives up', async () => {
    emulator.controls.failNext('token', 1, { stall: true });
    const abort = new AbortController();
    const response = await fetch(`${emulator.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&client_id=controlsclient&refresh_token=x',
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    // The start of the body ('{') arrives with the headers …
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let start = '';
    while (start === '') {
      const { done, value } = await reader.read();
      expect(done).toBe(false); // a closed body would end the test here, not spin
      start = new TextDecoder().decode(value);
    }
    expect(start).toBe('{');
    // … and the rest does not: once the emulator has answered a later request in full, the body is still open.
    let settled = false;
    const rest = reader.read();
    rest.then(
      () => (settled = true),
      () => (settled = true),
    );
    expect((await refresh(emulator, 'unknown', 'controlsclient')).status).toBe(400); // the fault was used up
    expect(settled).toBe(false);
    abort.abort();
    await expect(rest).rejects.toThrow(/abort/i);
  });

  it('delays a call that then answers normally', async () => {
    emulator.controls.failNext('token', 1, { delayMs: 50 });
    const response = await refresh(emulator, 'unknown', 'controlsclient');
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe('invalid_grant');
  });

  it('makes a slow call outlast a client timeout', async () => {
    emulator.controls.failNext('token', 1, { delayMs: 10_000 });
    const slow = fetch(`${emulator.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&client_id=controlsclient&refresh_token=x',
      signal: AbortSignal.timeout(300),
    });
    await expect(slow).rejects.toThrow(/abort|timeout/i);
    expect((await refresh(emulator, 'unknown', 'controlsclient')).status).toBe(400);
  });

  it.each<[string, string, number, unknown, string]>([
    [
      'an unknown endpoint',
      'authorize',
      1,
      { status: 500 },
      'endpoint must be one of token, revoke, jwks, userInfo',
    ],
    ['a negative count', 'token', -1, { status: 500 }, 'count must be an integer ≥ 0'],
    ['a fault that is null', 'token', 1, null, 'fault must be an object'],
    ['a fault that is a string', 'token', 1, '503', 'fault must be an object'],
    ['a status under 200', 'token', 1, { status: 99 }, 'fault.status must be an HTTP status from 200 to 599'],
    ['a status over 599', 'token', 1, { status: 600 }, 'fault.status must be an HTTP status from 200 to 599'],
    ['a body that is not a string', 'token', 1, { body: 42 }, 'fault.body must be a string'],
    [
      'a content type that is not a string',
      'token',
      1,
      { contentType: 42 },
      'fault.contentType must be a header value',
    ],
    [
      'a content type with a line break',
      'token',
      1,
      { contentType: 'text/html\r\nx-evil: 1' },
      'fault.contentType must be a header value',
    ],
    ['a negative delay', 'token', 1, { delayMs: -1 }, 'fault.delayMs must be an integer from 0 to 600000'],
    ['a fractional delay', 'token', 1, { delayMs: 1.5 }, 'fault.delayMs must be an integer from 0 to 600000'],
    [
      'a delay over 10 minutes',
      'token',
      1,
      { delayMs: 600_001 },
      'fault.delayMs must be an integer from 0 to 600000',
    ],
    ['drop that is not a boolean', 'token', 1, { drop: 'yes' }, 'fault.drop must be a boolean'],
    ['stall that is not a boolean', 'token', 1, { stall: 'yes' }, 'fault.stall must be a boolean'],
    ['an empty fault', 'token', 1, {}, 'fault needs a status, body, delayMs, drop or stall'],
    [
      'drop with a status',
      'token',
      1,
      { drop: true, status: 500 },
      'a dropped call cannot also have a status, body, contentType or stall',
    ],
    [
      'drop with stall',
      'token',
      1,
      { drop: true, stall: true },
      'a dropped call cannot also have a status, body, contentType or stall',
    ],
  ])('refuses %s with a RangeError', (_name, endpoint, count, fault, message) => {
    expect(() => emulator.controls.failNext(endpoint as FaultableEndpoint, count, fault as Fault)).toThrow(
      new RangeError(`failNext: ${message}`),
    );
  });

  it('accepts the limits: status 200 and 599, delay 0 and 600000 ms', () => {
    for (const fault of [{ status: 200 }, { status: 599 }, { delayMs: 0 }, { delayMs: 600_000 }])
      expect(() => emulator.controls.failNext('token', 1, fault)).not.toThrow();
  });
});

describe('requestCounts', () => {
  it('counts requests per endpoint and resets', async () => {
    emulator.controls.resetRequestCounts();
    await signInForTokens(emulator);
    await fetch(jwksUrl());
    await fetch(`${emulator.issuer}/.well-known/openid-configuration`);
    expect(emulator.controls.requestCounts()).toEqual({
      discovery: 1,
      jwks: 1,
      authorize: 1,
      login: 2,
      token: 1,
      userInfo: 0,
      revoke: 0,
      logout: 0,
    });
    emulator.controls.resetRequestCounts();
    expect(Object.values(emulator.controls.requestCounts()).every((count) => count === 0)).toBe(true);
  });
});

describe('rotateSigningKeys', () => {
  it('publishes new kids; earlier tokens no longer verify, new ones do', async () => {
    const old = await signInForTokens(emulator);
    const before = await fetchJwks();
    emulator.controls.rotateSigningKeys();
    const after = await fetchJwks();
    expect(after.keys).toHaveLength(2);
    expect(after.keys.map((key) => key.kid)).not.toContain(before.keys[0]?.kid);
    expect(after.keys.map((key) => key.kid)).not.toContain(before.keys[1]?.kid);
    await expect(jwtVerify(old.id_token ?? '', createLocalJWKSet(after))).rejects.toThrow();
    const fresh = await signInForTokens(emulator);
    await expect(
      jwtVerify(fresh.id_token ?? '', createLocalJWKSet(after), { issuer: emulator.issuer }),
    ).resolves.toBeDefined();
    expect(
      (
        await fetch(`${emulator.domain}/oauth2/userInfo`, {
          headers: { authorization: `Bearer ${old.access_token}` },
        })
      ).status,
    ).toBe(401);
  });
});

describe('tamperNextIdToken', () => {
  it('changes and removes claims of the next ID token only, still validly signed', async () => {
    emulator.controls.tamperNextIdToken({
      claims: { aud: 'someone-else', 'custom:x': 'y' },
      removeClaims: ['iat', 'nonce'],
    });
    const tampered = await signInForTokens(emulator);
    const { payload } = await jwtVerify(tampered.id_token ?? '', createLocalJWKSet(await fetchJwks()));
    expect(payload.aud).toBe('someone-else');
    expect(payload['custom:x']).toBe('y');
    expect(payload).not.toHaveProperty('iat');
    expect(payload).not.toHaveProperty('nonce');
    const next = decodeJwt((await signInForTokens(emulator)).id_token ?? '');
    expect(next.aud).toBe('controlsclient');
  });

  it("alg 'none': an unsigned token", async () => {
    emulator.controls.tamperNextIdToken({ alg: 'none' });
    const token = (await signInForTokens(emulator)).id_token ?? '';
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'none' });
    expect(token.endsWith('.')).toBe(true);
    expect(decodeJwt(token).token_use).toBe('id');
  });

  it("alg 'HS256': HMAC keyed with the published key's PEM under its kid, rejected by an RS256 verifier", async () => {
    emulator.controls.tamperNextIdToken({ alg: 'HS256' });
    const token = (await signInForTokens(emulator)).id_token ?? '';
    const jwks = await fetchJwks();
    const [idKey, accessKey] = jwks.keys;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', kid: idKey?.kid });
    expect(isHmacWithPublicKey(token, idKey ?? {})).toBe(true);
    expect(isHmacWithPublicKey(token, accessKey ?? {})).toBe(false);
    expect(decodeJwt(token).token_use).toBe('id');
    await expect(jwtVerify(token, createLocalJWKSet(jwks))).rejects.toThrow();
  });

  it('foreignKey: RS256 with the real kid but a key outside the JWKS', async () => {
    emulator.controls.tamperNextIdToken({ foreignKey: true });
    const token = (await signInForTokens(emulator)).id_token ?? '';
    const jwks = await fetchJwks();
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: jwks.keys[0]?.kid });
    await expect(jwtVerify(token, createLocalJWKSet(jwks))).rejects.toThrow(/signature/i);
  });

  it('applies to the ID token of a refresh as well', async () => {
    const tokens = await signInForTokens(emulator);
    emulator.controls.tamperNextIdToken({ claims: { iss: 'https://evil.example' } });
    const renewed = (await (
      await refresh(emulator, tokens.refresh_token ?? '', 'controlsclient')
    ).json()) as { id_token: string };
    expect(decodeJwt(renewed.id_token).iss).toBe('https://evil.example');
  });

  it('refuses invalid tampering', () => {
    expect(() => emulator.controls.tamperNextIdToken({ alg: 'RS512' as 'none' })).toThrow(RangeError);
    expect(() => emulator.controls.tamperNextIdToken({ alg: 'none', foreignKey: true })).toThrow(RangeError);
  });

  it.each([
    ['null', null, 'tamper must be an object'],
    ['a string', 'none', 'tamper must be an object'],
    ['claims null', { claims: null }, 'claims must be an object'],
    ['claims an array', { claims: ['aud'] }, 'claims must be an object'],
    ['claims a string', { claims: 'aud' }, 'claims must be an object'],
    ['removeClaims a string', { removeClaims: 'iat' }, 'removeClaims must be an array of claim names'],
    [
      'removeClaims with a number',
      { removeClaims: ['iat', 1] },
      'removeClaims must be an array of claim names',
    ],
    ['foreignKey a string', { foreignKey: 'yes' }, 'foreignKey must be a boolean'],
    ['alg RS512', { alg: 'RS512' }, "alg must be 'none' or 'HS256'"],
    ['alg HS256 with foreignKey', { alg: 'HS256', foreignKey: true }, 'give either alg or foreignKey'],
  ])('refuses tampering with %s, naming what is wrong', (_name, tamper, message) => {
    expect(() => emulator.controls.tamperNextIdToken(tamper as IdTokenTamper)).toThrow(
      new RangeError(`tamperNextIdToken: ${message}`),
    );
  });

  it.each([
    ['an empty tamper', {}],
    ['alg HS256 with foreignKey false', { alg: 'HS256', foreignKey: false }],
    ['every field', { claims: { aud: 'x' }, removeClaims: ['iat'], alg: 'none' }],
  ])('accepts %s', async (_name, tamper) => {
    expect(() => emulator.controls.tamperNextIdToken(tamper as IdTokenTamper)).not.toThrow();
    await signInForTokens(emulator);
  });
});

describe('setClockOffsetSeconds', () => {
  it('refuses a non-finite offset', () => {
    expect(() => emulator.controls.setClockOffsetSeconds(Number.NaN)).toThrow(RangeError);
  });
});

describe('HTTP admin API', () => {
  it('takes an empty or blank body as {}', async () => {
    for (const body of ['', ' \n']) {
      const response = await adminText('requestCounts', body);
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveProperty('token');
    }
  });

  it.each(['{', '[]', 'null', '42', '"x"'])('refuses the body %s: not a JSON object', async (body) => {
    const response = await adminText('rotateSigningKeys', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'body must be a JSON object' });
  });

  it('answers a caller on ::1', async () => {
    const ipv6 = await startCognitoEmulator({ host: '::1' });
    try {
      expect((await adminText('requestCounts', '{}', 'application/json', ipv6.issuerOrigin)).status).toBe(
        200,
      );
    } finally {
      await ipv6.stop();
    }
  });

  it('drives every control over POST /_emulator/{name}', async () => {
    expect((await admin('resetRequestCounts', {})).status).toBe(200);
    const tokens = await signInForTokens(emulator);
    const counts = (await (await admin('requestCounts', {})).json()) as Record<string, number>;
    expect(counts.token).toBe(1);

    expect(
      await (await admin('failNext', { endpoint: 'token', count: 1, fault: { status: 504 } })).json(),
    ).toEqual({ ok: true });
    expect((await refresh(emulator, tokens.refresh_token ?? '', 'controlsclient')).status).toBe(504);

    const kid = (await fetchJwks()).keys[0]?.kid;
    expect((await admin('rotateSigningKeys', {})).status).toBe(200);
    expect((await fetchJwks()).keys[0]?.kid).not.toBe(kid);

    expect((await admin('tamperNextIdToken', { tamper: { claims: { aud: 'x' } } })).status).toBe(200);
    expect(decodeJwt((await signInForTokens(emulator)).id_token ?? '').aud).toBe('x');

    expect((await admin('setClockOffsetSeconds', { seconds: 600 })).status).toBe(200);
    expect(decodeJwt((await signInForTokens(emulator)).access_token).iat).toBeGreaterThan(
      Date.now() / 1000 + 500,
    );
    expect((await admin('setClockOffsetSeconds', { seconds: 0 })).status).toBe(200);

    expect((await admin('revokeUserSessions', { username: 'alice' })).status).toBe(200);
    expect(await errorOf(await refresh(emulator, tokens.refresh_token ?? '', 'controlsclient'))).toBe(
      'invalid_grant',
    );
  });

  it('answers 400 for bad arguments, 404 for unknown controls, 405 for GET, 415 without JSON', async () => {
    const bad = await admin('failNext', { endpoint: 'token', count: 'many', fault: { status: 500 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('count');
    expect((await admin('revokeUserSessions', { username: 'nobody' })).status).toBe(400);
    expect((await admin('setClockOffsetSeconds', [])).status).toBe(400);
    const unknown = await admin('shutdown', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no control shutdown' });
    const get = await fetch(`${emulator.issuerOrigin}/_emulator/requestCounts`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({ error: 'use POST' });
    const text = await admin('rotateSigningKeys', {}, 'text/plain');
    expect(text.status).toBe(415);
    expect(await text.json()).toEqual({ error: 'Content-Type must be application/json' });
  });
});
