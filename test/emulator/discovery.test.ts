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
  });

  it('answers another pool ID with ResourceNotFoundException', async () => {
    const response = await fetch(
      `${emulator.issuerOrigin}/us-east-1_Other123/.well-known/openid-configuration`,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'ResourceNotFoundException' });
  });

  it('answers unknown paths on either origin with 404', async () => {
    expect((await fetch(`${emulator.issuerOrigin}/nothing`)).status).toBe(404);
    expect((await fetch(`${emulator.domain}/oauth2/nothing`)).status).toBe(404);
  });
});
