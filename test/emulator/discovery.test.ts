import { calculateJwkThumbprint } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_USERS, startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';

let emulator: CognitoEmulator;
beforeAll(async () => {
  emulator = await startCognitoEmulator();
});
afterAll(() => emulator.stop());

describe('defaults', () => {
  it('runs the demo pool on two loopback origins', () => {
    expect(emulator.region).toBe('us-east-1');
    expect(emulator.userPoolId).toBe('us-east-1_Em0lat0r');
    expect(emulator.issuer).toBe(`${emulator.issuerOrigin}/us-east-1_Em0lat0r`);
    expect(emulator.issuerOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.domain).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.domain).not.toBe(emulator.issuerOrigin);
    expect(emulator.clients.map((client) => client.clientId)).toEqual([DEMO_CLIENT_ID]);
    expect(emulator.clients[0]?.callbackUrls).toEqual(['http://localhost:8585/callback']);
    expect(emulator.clients[0]?.logoutUrls).toEqual(['http://localhost:8585/']);
    expect(emulator.users.map((user) => [user.username, user.password, user.email, user.groups])).toEqual([
      ['admin', 'Admin-Pass-1', 'admin@example.com', ['admin']],
      ['alice', 'Alice-Pass-1', 'alice@example.com', []],
    ]);
    expect(DEMO_USERS).toHaveLength(2);
  });
});

describe('discovery', () => {
  it("serves exactly Cognito's fields, endpoints on the domain", async () => {
    const response = await fetch(`${emulator.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toEqual({
      authorization_endpoint: `${emulator.domain}/oauth2/authorize`,
      end_session_endpoint: `${emulator.domain}/logout`,
      id_token_signing_alg_values_supported: ['RS256'],
      issuer: emulator.issuer,
      jwks_uri: `${emulator.issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      revocation_endpoint: `${emulator.domain}/oauth2/revoke`,
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      subject_types_supported: ['public'],
      token_endpoint: `${emulator.domain}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      userinfo_endpoint: `${emulator.domain}/oauth2/userInfo`,
    });
  });

  it('publishes two RS256 keys with different kids', async () => {
    const response = await fetch(`${emulator.issuer}/.well-known/jwks.json`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(keys.map((key) => [key.alg, key.kty, key.use])).toEqual([
      ['RS256', 'RSA', 'sig'],
      ['RS256', 'RSA', 'sig'],
    ]);
    expect(keys[0]?.kid).not.toBe(keys[1]?.kid);
    for (const key of keys) {
      const thumbprint = await calculateJwkThumbprint(key, 'sha256');
      expect(key.kid).toBe(Buffer.from(thumbprint, 'base64url').toString('base64'));
    }
  });

  it('answers another pool ID with ResourceNotFoundException', async () => {
    const response = await fetch(
      `${emulator.issuerOrigin}/us-east-1_Other123/.well-known/openid-configuration`,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Other123 does not exist.',
    });
  });

  it('answers unknown paths on either origin with 404', async () => {
    expect((await fetch(`${emulator.issuerOrigin}/nothing`)).status).toBe(404);
    const page = await fetch(`${emulator.domain}/oauth2/nothing`);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('The requested page does not exist.');
    expect(html).toContain('<code>not_found</code>');
  });

  it.each([
    '/x/_emulator/requestCounts',
    '/_emulator/requestCounts/x',
    '/x/{pool}/.well-known/jwks.json',
    '/{pool}/.well-known/jwks.jsonx',
  ])('answers %s, a known path inside a longer one, 404 Not Found', async (path) => {
    const response = await fetch(`${emulator.issuerOrigin}${path.replace('{pool}', emulator.userPoolId)}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });

  it('answers the CORS preflight of discovery and JWKS for any origin, without counting it', async () => {
    emulator.controls.resetRequestCounts();
    for (const name of ['openid-configuration', 'jwks.json']) {
      const response = await fetch(`${emulator.issuer}/.well-known/${name}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
      expect(response.headers.get('access-control-max-age')).toBe('600');
    }
    expect(emulator.controls.requestCounts()).toMatchObject({ discovery: 0, jwks: 0 });
  });

  it('answers discovery and JWKS for GET and HEAD, other methods 405 with Allow: GET', async () => {
    const url = `${emulator.issuer}/.well-known/openid-configuration`;
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
    const response = await fetch(url, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ message: 'Method Not Allowed' });
  });

  it('answers a wrong method 405 with Allow: invalid_request JSON on the API, the error page on hosted-UI pages', async () => {
    const api = await fetch(`${emulator.domain}/oauth2/revoke`);
    expect(api.status).toBe(405);
    expect(api.headers.get('allow')).toBe('POST, OPTIONS');
    expect(await api.json()).toEqual({ error: 'invalid_request' });
    const page = await fetch(`${emulator.domain}/oauth2/authorize`, { method: 'POST' });
    expect(page.status).toBe(405);
    expect(page.headers.get('allow')).toBe('GET');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Request method not supported');
  });
});
