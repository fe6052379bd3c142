import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { redirectTo } from '../../src/redirectTo.js';
import {
  APP,
  landOnCallback,
  lastRedirect,
  refreshGrant,
  signedIn,
  startSignIn,
  stored,
  userKey,
} from './support/emulatorApp.js';
import { setUpEmulatorPool } from './support/setUpEmulatorPool.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const emulator = setUpEmulatorPool();
const rotating = setUpEmulatorPool({ refreshTokenRotation: { enabled: true } });

describe('against the emulator', () => {
  it('signs in end to end with one token request, no discovery, one JWKS fetch', async () => {
    const { probe } = await signedIn(emulator);
    expect(window.location.search).toBe('');
    expect(emulator.controls.requestCounts()).toMatchObject({ discovery: 0, token: 1, jwks: 1, userInfo: 0 });
    expect(probe.current().user).toMatchObject({
      username: 'alice',
      email: 'alice@example.com',
      groups: ['editors'],
    });
    expect(stored(emulator)?.refresh_token).toBeTruthy();
  });

  it('renews without rotation, keeping the refresh token', async () => {
    const { probe } = await signedIn(emulator, { renewBeforeExpirySeconds: 7200 });
    const before = stored(emulator);
    const token = await act(() => probe.current().getAccessToken());
    expect(token).not.toBe(before?.access_token);
    expect(stored(emulator)).toMatchObject({ access_token: token, refresh_token: before?.refresh_token });
    expect(emulator.controls.requestCounts().token).toBe(2);
  });

  it('renews with rotation, replacing the refresh token', async () => {
    const { probe } = await signedIn(rotating, { renewBeforeExpirySeconds: 7200 });
    const before = stored(rotating);
    await act(() => probe.current().getAccessToken());
    expect(stored(rotating)?.refresh_token).toBeTruthy();
    expect(stored(rotating)?.refresh_token).not.toBe(before?.refresh_token);
    await act(() => probe.current().getAccessToken());
    expect(rotating.controls.requestCounts().token).toBe(3);
  });

  it('ends the session when the refresh token was revoked (invalid_grant), without retrying', async () => {
    const { probe } = await signedIn(emulator, { renewBeforeExpirySeconds: 7200 });
    emulator.controls.revokeUserSessions('alice');
    await act(() =>
      expect(probe.current().getAccessToken()).rejects.toMatchObject({
        code: 'refresh',
        error: 'invalid_grant',
      }),
    );
    await screen.findByText('status:unauthenticated error:refresh');
    expect(probe.current().error?.code).toBe('refresh');
    expect(stored(emulator)).toBeNull();
    expect(emulator.controls.requestCounts().token).toBe(2);
  });

  it('signs out: revokes the refresh token and sends a /logout URL the pool accepts', async () => {
    const { probe } = await signedIn(emulator);
    const refreshToken = stored(emulator)?.refresh_token ?? '';
    vi.mocked(redirectTo).mockReset();
    await act(() => probe.current().signOut());
    expect(emulator.controls.requestCounts().revoke).toBe(1);
    const logout = await fetch(lastRedirect(), { redirect: 'manual' });
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${APP}/`);
    expect(await refreshGrant(emulator, refreshToken)).toMatchObject({ error: 'invalid_grant' });
  });

  it('builds a /logout URL the pool refuses when logout_uri is not registered', async () => {
    const { probe } = await signedIn(emulator, { postLogoutRedirectUri: `${APP}/not-registered` });
    vi.mocked(redirectTo).mockReset();
    await act(() => probe.current().signOut());
    const logout = await fetch(lastRedirect(), { redirect: 'manual' });
    expect(logout.status).toBe(400);
  });

  it('refetches the JWKS once when the pool rotates its signing keys', async () => {
    const { probe } = await signedIn(emulator, { renewBeforeExpirySeconds: 7200 });
    emulator.controls.rotateSigningKeys();
    await act(() => probe.current().getAccessToken());
    expect(probe.current().status).toBe('authenticated');
    expect(emulator.controls.requestCounts()).toMatchObject({ token: 2, jwks: 2 });
  });

  it.each([
    ['another audience', { claims: { aud: 'someone-else' } }, /aud/],
    [
      'another issuer',
      { claims: { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' } },
      /iss/,
    ],
    ['an expiry an hour ago', { claims: { exp: Math.floor(Date.now() / 1000) - 3600 } }, /exp/],
    ['alg none', { alg: 'none' as const }, /alg/],
    ['a foreign signing key', { foreignKey: true }, /./],
    ['token_use access', { claims: { token_use: 'access' } }, /token_use/],
  ])('rejects an ID token with %s and stores nothing', async (_name, tamper, claim) => {
    const callback = await startSignIn(emulator);
    emulator.controls.tamperNextIdToken(tamper);
    const { navigate } = await landOnCallback(emulator, callback);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/ID token rejected/);
    expect(alert.textContent).toMatch(claim);
    expect(sessionStorage.getItem(userKey(emulator))).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});
