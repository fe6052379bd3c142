import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';
import { errorOf, postForm, refresh, signInForTokens } from './flow.js';

let emulator: CognitoEmulator;
/** The emulator's log lines. */
const logged: string[] = [];
beforeAll(async () => {
  emulator = await startCognitoEmulator({
    log: (line) => logged.push(line),
    clients: [
      { clientId: 'revokeclient', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] },
      { clientId: 'otherclient', callbackUrls: ['http://localhost:4000/callback'], logoutUrls: [] },
    ],
    refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 60 },
  });
});
afterAll(() => emulator.stop());

const revoke = (
  token: string,
  clientId = 'revokeclient',
  headers: Record<string, string> = {},
): Promise<Response> => postForm(`${emulator.domain}/oauth2/revoke`, { token, client_id: clientId }, headers);
const userInfo = (accessToken: string): Promise<Response> =>
  fetch(`${emulator.domain}/oauth2/userInfo`, { headers: { authorization: `Bearer ${accessToken}` } });

describe('revoke', () => {
  it('revokes a refresh token (200, empty, no-store): refresh → invalid_grant, its access token → userInfo 401', async () => {
    const tokens = await signInForTokens(emulator);
    expect((await userInfo(tokens.access_token)).status).toBe(200);
    const response = await revoke(tokens.refresh_token ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('');
    expect(await errorOf(await refresh(emulator, tokens.refresh_token ?? ''))).toBe('invalid_grant');
    expect((await userInfo(tokens.access_token)).status).toBe(401);
  });

  it('revokes the whole sign-in: rotated successors and their access tokens too', async () => {
    const tokens = await signInForTokens(emulator);
    const renewed = (await (await refresh(emulator, tokens.refresh_token ?? '')).json()) as {
      access_token: string;
      refresh_token: string;
    };
    expect((await revoke(tokens.refresh_token ?? '')).status).toBe(200);
    expect(await errorOf(await refresh(emulator, renewed.refresh_token))).toBe('invalid_grant');
    expect((await userInfo(renewed.access_token)).status).toBe(401);
  });

  it('leaves other sign-ins of the same user alone', async () => {
    const first = await signInForTokens(emulator);
    const second = await signInForTokens(emulator);
    await revoke(first.refresh_token ?? '');
    expect((await refresh(emulator, second.refresh_token ?? '')).status).toBe(200);
  });

  it('answers 200 when revoking twice, and for an unknown token', async () => {
    const tokens = await signInForTokens(emulator);
    expect((await revoke(tokens.refresh_token ?? '')).status).toBe(200);
    expect((await revoke(tokens.refresh_token ?? '')).status).toBe(200);
    expect((await revoke('unknown-token')).status).toBe(200);
  });

  it('refuses access and ID tokens with unsupported_token_type', async () => {
    const tokens = await signInForTokens(emulator);
    for (const token of [tokens.access_token, tokens.id_token ?? '']) {
      const response = await revoke(token);
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toBe('unsupported_token_type');
    }
    expect((await userInfo(tokens.access_token)).status).toBe(200);
  });

  it('refuses secrets and unknown clients (401 invalid_client), another client and an empty or missing token', async () => {
    const tokens = await signInForTokens(emulator);
    const token = tokens.refresh_token ?? '';
    for (const response of [
      await revoke(token, 'revokeclient', { authorization: 'Basic cmV2b2tlY2xpZW50OnM=' }),
      await revoke(token, 'nobody'),
    ]) {
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toBe('invalid_client');
    }
    expect(await errorOf(await revoke(token, 'otherclient'))).toBe('invalid_request');
    expect(await errorOf(await revoke(''))).toBe('invalid_request');
    const withoutToken = await postForm(`${emulator.domain}/oauth2/revoke`, { client_id: 'revokeclient' });
    expect(await errorOf(withoutToken)).toBe('invalid_request');
    expect((await refresh(emulator, token)).status).toBe(200);
  });

  it('logs a refused request once as refused, and not as a crash', async () => {
    logged.length = 0;
    const tokens = await signInForTokens(emulator);
    expect(await errorOf(await revoke(tokens.access_token))).toBe('unsupported_token_type');
    expect(logged.filter((line) => line.startsWith('revoke: unsupported_token_type'))).toHaveLength(1);
    expect(logged.filter((line) => line.includes('crashed'))).toEqual([]);
  });

  it('sends CORS headers to registered app origins', async () => {
    const response = await revoke('x', 'revokeclient', { origin: 'http://localhost:4000' });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
  });
});
