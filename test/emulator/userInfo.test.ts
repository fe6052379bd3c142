import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';
import { signInForTokens } from './flow.js';

let emulator: CognitoEmulator;
beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: [{ clientId: 'infoclient', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] }],
    users: [
      {
        username: 'alice',
        password: 'Alice-Pass-1',
        email: 'alice@example.com',
        attributes: {
          'custom:team': 'data',
          name: 'Alice Liddell',
          phone_number: '+15555550100',
          phone_number_verified: 'true',
          address: '1 Main St',
        },
      },
    ],
    tokenLifetimes: { accessTokenSeconds: 300 },
  });
});
afterEach(() => emulator.controls.setClockOffsetSeconds(0));
afterAll(() => emulator.stop());

const userInfo = (authorization?: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${emulator.domain}/oauth2/userInfo`, {
    ...init,
    headers: authorization === undefined ? {} : { authorization },
  });

async function expectInvalidToken(response: Response, description: string): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  expect(await response.json()).toEqual({ error: 'invalid_token', error_description: description });
}

/** Alice's attributes, as userInfo names them. */
const EVERY_ATTRIBUTE = [
  'address',
  'custom:team',
  'email',
  'email_verified',
  'name',
  'phone_number',
  'phone_number_verified',
  'sub',
  'username',
];

describe('userInfo', () => {
  it("returns the user's attributes for an access token with openid", async () => {
    const tokens = await signInForTokens(emulator);
    const response = await userInfo(`Bearer ${tokens.access_token}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    const sub = emulator.users[0]?.sub;
    expect(sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body).toEqual({
      sub,
      email_verified: 'true',
      email: 'alice@example.com',
      username: 'alice',
      'custom:team': 'data',
      name: 'Alice Liddell',
    });
    expect((await userInfo(`Bearer ${tokens.access_token}`, { method: 'POST' })).status).toBe(200);
  });

  it.each([
    ['openid', EVERY_ATTRIBUTE],
    ['openid aws.cognito.signin.user.admin', EVERY_ATTRIBUTE],
    ['openid email', ['email', 'email_verified', 'sub', 'username']],
    ['openid phone', ['phone_number', 'phone_number_verified', 'sub', 'username']],
    ['openid profile', ['custom:team', 'name', 'sub', 'username']],
  ])('releases what the scopes "%s" allow, as Cognito does', async (scope, attributes) => {
    const tokens = await signInForTokens(emulator, { params: { scope } });
    const body = (await (await userInfo(`Bearer ${tokens.access_token}`)).json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(attributes);
  });

  it('refuses a missing or malformed Authorization header', async () => {
    await expectInvalidToken(await userInfo(), 'Access token is missing');
    await expectInvalidToken(await userInfo('Basic abc'), 'Access token is missing');
    await expectInvalidToken(await userInfo('Bearer not-a-jwt'), 'Access token is invalid');
  });

  it('refuses a Bearer access token with anything before or after it in the header', async () => {
    const tokens = await signInForTokens(emulator);
    await expectInvalidToken(
      await userInfo(`Basic Bearer ${tokens.access_token}`),
      'Access token is missing',
    );
    await expectInvalidToken(await userInfo(`Bearer ${tokens.access_token} x`), 'Access token is missing');
    expect((await userInfo(`Bearer ${tokens.access_token}`)).status).toBe(200);
  });

  it('refuses an ID token', async () => {
    const tokens = await signInForTokens(emulator);
    expect((await userInfo(`Bearer ${tokens.id_token ?? ''}`)).status).toBe(401);
  });

  it('refuses an access token without the openid scope', async () => {
    const tokens = await signInForTokens(emulator, { params: { scope: 'aws.cognito.signin.user.admin' } });
    await expectInvalidToken(
      await userInfo(`Bearer ${tokens.access_token}`),
      'Access token does not have the openid scope',
    );
  });

  it('refuses an expired access token', async () => {
    const tokens = await signInForTokens(emulator);
    emulator.controls.setClockOffsetSeconds(301);
    await expectInvalidToken(await userInfo(`Bearer ${tokens.access_token}`), 'Access token is expired');
  });

  it('refuses an access token with a changed payload', async () => {
    const tokens = await signInForTokens(emulator);
    const [header, payload, signature] = tokens.access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, username: 'admin' })).toString('base64url');
    await expectInvalidToken(
      await userInfo(`Bearer ${header}.${forged}.${signature}`),
      'Access token is invalid',
    );
  });

  it('refuses access tokens of revoked user sessions', async () => {
    const tokens = await signInForTokens(emulator);
    emulator.controls.revokeUserSessions('alice');
    await expectInvalidToken(
      await userInfo(`Bearer ${tokens.access_token}`),
      'Access token has been revoked',
    );
  });

  it('answers the CORS preflight of a registered app origin with Authorization allowed', async () => {
    const response = await fetch(`${emulator.domain}/oauth2/userInfo`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});
