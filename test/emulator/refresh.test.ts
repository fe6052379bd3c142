import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator, EmulatorClient, EmulatorOptions } from 'react-cognito-sso/emulator';
import { errorOf, postForm, refresh, signInForTokens } from './flow.js';
import type { TokenResponse } from './flow.js';

const clients: EmulatorClient[] = [
  { clientId: 'refreshclient', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] },
  { clientId: 'secondclient', callbackUrls: ['http://localhost:4000/callback'], logoutUrls: [] },
];
const emulators: CognitoEmulator[] = [];
async function start(options: EmulatorOptions = {}): Promise<CognitoEmulator> {
  const emulator = await startCognitoEmulator({ clients, ...options });
  emulators.push(emulator);
  return emulator;
}
afterAll(() => Promise.all(emulators.map((emulator) => emulator.stop())));

async function refreshed(emulator: CognitoEmulator, token: string): Promise<TokenResponse> {
  const response = await refresh(emulator, token);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenResponse;
}

describe('refresh without rotation (Cognito default)', () => {
  let emulator: CognitoEmulator;
  beforeAll(async () => {
    emulator = await start();
  });

  it('returns new ID and access tokens and no refresh token', async () => {
    const tokens = await signInForTokens(emulator);
    const renewed = await refreshed(emulator, tokens.refresh_token ?? '');
    expect(Object.keys(renewed)).toEqual(['id_token', 'access_token', 'expires_in', 'token_type']);
    const jwks = (await (await fetch(`${emulator.issuer}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const before = decodeJwt(tokens.id_token ?? '');
    const { payload } = await jwtVerify(renewed.id_token ?? '', createLocalJWKSet(jwks), {
      issuer: emulator.issuer,
      audience: 'refreshclient',
    });
    expect(payload.sub).toBe(before.sub);
    expect(payload.auth_time).toBe(before.auth_time);
    expect(payload.origin_jti).toBe(before.origin_jti);
    expect(payload.event_id).toBe(before.event_id);
    expect(payload.jti).not.toBe(before.jti);
    expect(payload).not.toHaveProperty('nonce');
    expect(renewed.access_token).not.toBe(tokens.access_token);
  });

  it('keeps the same refresh token usable', async () => {
    const tokens = await signInForTokens(emulator);
    await refreshed(emulator, tokens.refresh_token ?? '');
    await refreshed(emulator, tokens.refresh_token ?? '');
  });

  it('refuses an unknown refresh token, an empty or missing one, and one from another client', async () => {
    const tokens = await signInForTokens(emulator);
    expect(await errorOf(await refresh(emulator, 'not-a-token'))).toBe('invalid_grant');
    expect(await errorOf(await refresh(emulator, ''))).toBe('invalid_request');
    const withoutToken = { grant_type: 'refresh_token', client_id: 'refreshclient' };
    expect(await errorOf(await postForm(`${emulator.domain}/oauth2/token`, withoutToken))).toBe(
      'invalid_request',
    );
    expect(await errorOf(await refresh(emulator, tokens.refresh_token ?? '', 'secondclient'))).toBe(
      'invalid_grant',
    );
  });

  it("refuses refresh tokens of a user whose sessions were revoked, and only that user's", async () => {
    const tokens = await signInForTokens(emulator);
    const admin = await signInForTokens(emulator, { username: 'admin', password: 'Admin-Pass-1' });
    emulator.controls.revokeUserSessions('alice');
    expect(await errorOf(await refresh(emulator, tokens.refresh_token ?? ''))).toBe('invalid_grant');
    await refreshed(emulator, admin.refresh_token ?? '');
    const after = await signInForTokens(emulator);
    await refreshed(emulator, after.refresh_token ?? '');
  });

  it('refuses revokeUserSessions for an unknown user', () => {
    expect(() => emulator.controls.revokeUserSessions('nobody')).toThrow(RangeError);
  });
});

describe('refresh token lifetime', () => {
  it('refuses an expired refresh token', async () => {
    let now = Date.UTC(2030, 0, 1);
    const emulator = await start({ tokenLifetimes: { refreshTokenSeconds: 3600 }, now: () => now });
    const tokens = await signInForTokens(emulator);
    now += 3_599_000;
    await refreshed(emulator, tokens.refresh_token ?? '');
    now += 1000;
    expect(await errorOf(await refresh(emulator, tokens.refresh_token ?? ''))).toBe('invalid_grant');
  });

  it('issues tokens with the configured short lifetimes', async () => {
    const emulator = await start({ tokenLifetimes: { idTokenSeconds: 30, accessTokenSeconds: 20 } });
    const renewed = await refreshed(emulator, (await signInForTokens(emulator)).refresh_token ?? '');
    expect(renewed.expires_in).toBe(20);
    const id = decodeJwt(renewed.id_token ?? '');
    expect((id.exp ?? 0) - (id.iat ?? 0)).toBe(30);
  });
});

describe('refresh with rotation', () => {
  it('grace 0: returns a new refresh token and the old one fails at once', async () => {
    const emulator = await start({ refreshTokenRotation: { enabled: true } });
    const tokens = await signInForTokens(emulator);
    const renewed = await refreshed(emulator, tokens.refresh_token ?? '');
    expect(Object.keys(renewed)).toEqual([
      'id_token',
      'access_token',
      'refresh_token',
      'expires_in',
      'token_type',
    ]);
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    expect(await errorOf(await refresh(emulator, tokens.refresh_token ?? ''))).toBe('invalid_grant');
    const again = await refreshed(emulator, renewed.refresh_token ?? '');
    expect(again.refresh_token).toBeTruthy();
  });

  it('grace 30: the old token works within the grace period, then invalid_grant', async () => {
    let now = Date.UTC(2030, 0, 1);
    const emulator = await start({
      refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 30 },
      now: () => now,
    });
    const tokens = await signInForTokens(emulator);
    const renewed = await refreshed(emulator, tokens.refresh_token ?? '');
    now += 29_000;
    const retried = await refreshed(emulator, tokens.refresh_token ?? '');
    expect(retried.refresh_token).toBeTruthy();
    now += 1000;
    expect(await errorOf(await refresh(emulator, tokens.refresh_token ?? ''))).toBe('invalid_grant');
    await refreshed(emulator, renewed.refresh_token ?? '');
  });

  it('keeps the grace period from the first rotation, not the last use', async () => {
    let now = Date.UTC(2030, 0, 1);
    const emulator = await start({
      refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 10 },
      now: () => now,
    });
    const tokens = await signInForTokens(emulator);
    await refreshed(emulator, tokens.refresh_token ?? '');
    now += 9000;
    await refreshed(emulator, tokens.refresh_token ?? '');
    now += 1000;
    expect(await errorOf(await refresh(emulator, tokens.refresh_token ?? ''))).toBe('invalid_grant');
  });
});
