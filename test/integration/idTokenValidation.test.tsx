import { act, screen } from '@testing-library/react';
import type { IdTokenTamper } from 'react-cognito-sso/emulator';
import { describe, expect, it, vi } from 'vitest';
import { redirectTo } from '../../src/redirectTo.js';
import { allStorage, landOnCallback, signedIn, startSignIn, userKey } from './support/emulatorApp.js';
import { setUpEmulatorPool } from './support/setUpEmulatorPool.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const pool = setUpEmulatorPool();

/** Signs in with the next ID token tampered; asserts the rejection: an alert naming the claim, nothing stored. */
async function rejectedSignIn(tamper: IdTokenTamper, claim: RegExp) {
  const callback = await startSignIn(pool);
  pool.controls.tamperNextIdToken(tamper);
  const { navigate, probe } = await landOnCallback(pool, callback);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(claim);
  expect(probe.current()).toMatchObject({ status: 'error', user: null, error: { code: 'token' } });
  expect(sessionStorage.getItem(userKey(pool))).toBeNull();
  expect(navigate).not.toHaveBeenCalled();
  expect(pool.controls.requestCounts().token).toBe(1);
  expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
}

describe('ID token validation on sign-in (conformance rp-id_token-*)', () => {
  it('rp-id_token-iss: an ID token from another pool is rejected', () =>
    rejectedSignIn(
      { claims: { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' } },
      /ID token rejected: iss/,
    ));

  it('rp-id_token-aud: an ID token for another client is rejected', () =>
    rejectedSignIn({ claims: { aud: 'another-client' } }, /ID token rejected: aud/));

  it('rp-id_token-aud: an ID token without aud is rejected', () =>
    rejectedSignIn({ removeClaims: ['aud'] }, /ID token rejected: aud/));

  // `exp` is judged against the server time the token carries (its `iat`), not the device clock; freshness comes from
  // the nonce (README, "Storage and security").
  it.each([
    ['an hour', 3600],
    ['a minute', 60],
  ])(
    'rp-id_token-exp: an ID token that expired %s before its own iat (the server time it carries) is rejected',
    (_, seconds) => {
      const iat = Math.floor(Date.now() / 1000);
      return rejectedSignIn({ claims: { iat, exp: iat - seconds } }, /ID token rejected: exp/);
    },
  );

  it('rp-id_token-iat: an ID token without iat is rejected', () =>
    rejectedSignIn({ removeClaims: ['iat'] }, /ID token rejected: iat/));

  it('rp-id_token-token_use: an access token offered as ID token (token_use access) is rejected', () =>
    rejectedSignIn({ claims: { token_use: 'access' } }, /ID token rejected: token_use/));

  it('rp-nonce-invalid: an ID token with another nonce is rejected', () =>
    rejectedSignIn({ claims: { nonce: 'a-replayed-nonce' } }, /nonce/));

  it('rp-nonce-invalid: an ID token without the nonce is rejected', () =>
    rejectedSignIn({ removeClaims: ['nonce'] }, /nonce/));

  it('rp-id_token-sub: an ID token without sub is rejected', () =>
    rejectedSignIn({ removeClaims: ['sub'] }, /subject|sub/));

  it('rp-id_token-sig-none: an unsigned ID token (alg none) is rejected', () =>
    rejectedSignIn({ alg: 'none' }, /ID token rejected: alg is "none"/));

  it('rp-id_token-sig-hs256: an ID token HMAC-signed with the public key as secret (alg confusion) is rejected', () =>
    rejectedSignIn({ alg: 'HS256' }, /ID token rejected: alg is "HS256"/));

  it('rp-id_token-bad-sig-rs256: an ID token signed by a foreign key is rejected', () =>
    rejectedSignIn({ foreignKey: true }, /ID token rejected: the signature does not verify/));

  it('rp-key-rotation: the JWKS is fetched once, cached across renewals, and refetched once on an unknown kid', async () => {
    const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    await act(() => probe.current().getAccessToken());
    await act(() => probe.current().getAccessToken());
    expect(pool.controls.requestCounts()).toMatchObject({ token: 3, jwks: 1 });
    pool.controls.rotateSigningKeys();
    await act(() => probe.current().getAccessToken());
    expect(pool.controls.requestCounts()).toMatchObject({ token: 4, jwks: 2 });
    expect(probe.current().status).toBe('authenticated');
  });
});

describe('ID token validation on renewal (conformance rp-id_token-* on refresh)', () => {
  it.each<{ claim: string; tamper: IdTokenTamper }>([
    { claim: 'sub', tamper: { claims: { sub: 'mallory-sub' } } },
    {
      claim: 'iss',
      tamper: { claims: { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' } },
    },
    { claim: 'aud', tamper: { claims: { aud: 'another-client' } } },
    { claim: 'signature', tamper: { foreignKey: true } },
    // Correctly signed and internally consistent, but issued in 2001: an old token of the same user replayed.
    { claim: 'iat', tamper: { claims: { iat: 1e9, exp: 1e9 + 3600 } } },
  ])(
    'rp-refresh-id_token-$claim: a renewed ID token with another $claim is rejected and nothing is stored',
    async ({ tamper }) => {
      const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
      const before = probe.current().user?.accessToken;
      pool.controls.tamperNextIdToken(tamper);
      await act(() => expect(probe.current().getAccessToken()).rejects.toMatchObject({ code: 'token' }));
      expect(pool.controls.requestCounts().token).toBe(2);
      expect(probe.current()).toMatchObject({
        status: 'unauthenticated',
        user: null,
        error: { code: 'token' },
      });
      expect(sessionStorage.getItem(userKey(pool))).toBeNull();
      expect(before).toBeTruthy();
      expect(allStorage()).not.toContain(before);
      expect(redirectTo).not.toHaveBeenCalled(); // no automatic trip to the hosted UI or /logout
    },
  );

  it('rp-refresh-id_token-auth_time: a renewed ID token whose auth_time changed (Cognito with rotation, oidc-client-ts #2107) keeps the session', async () => {
    const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    const before = probe.current().user;
    pool.controls.tamperNextIdToken({ claims: { auth_time: (before?.claims.auth_time ?? 0) + 3600 } });
    await act(() => probe.current().getAccessToken());
    expect(pool.controls.requestCounts().token).toBe(2);
    expect(probe.current()).toMatchObject({ status: 'authenticated', error: null });
    expect(probe.current().user?.accessToken).not.toBe(before?.accessToken);
    expect(probe.current().user?.claims.auth_time).toBe((before?.claims.auth_time ?? 0) + 3600);
  });
});
