import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RequireAuth, useAuth } from '../../../src/index.js';
import { redirectTo } from '../../../src/redirectTo.js';
import { renewalDelay } from '../../../src/session/renewalDelay.js';
import {
  json,
  renderWithProvider,
  storeSession,
  stubCognito,
  tokenResponse,
  USER_KEY,
} from '../support/fakeCognito.js';
import { advance, fakeClock, until } from '../support/fakeTime.js';

vi.mock('../../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

function Show() {
  const { status, user, error } = useAuth();
  return (
    <p>
      {status}:{user?.accessToken ?? '-'}:{error?.code ?? 'none'}
    </p>
  );
}

beforeEach(() => {
  fakeClock();
});

describe('renewal timing', () => {
  it('refresh-schedule: 62 s tokens with renewBeforeExpirySeconds 60 renew after 2 s; shorter lifetimes halfway, never in a loop', () => {
    expect(renewalDelay(62, 60)).toBe(2_000);
    expect(renewalDelay(3600, 60)).toBe(3_540_000);
    expect(renewalDelay(60, 60)).toBe(30_000);
    expect(renewalDelay(300, 3600)).toBe(150_000);
    expect(renewalDelay(1, 60)).toBe(500);
    expect(renewalDelay(-5, 60)).toBe(0);
  });

  it('refresh-backoff: 5xx / offline failures retry after 2, 4, 8 s …, keeping the session meanwhile', async () => {
    vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000); // expires_at is in whole seconds
    await storeSession({ expiresIn: 62, accessToken: 'access-1' });
    const cognito = stubCognito({
      onToken: () =>
        new Response('<html>down</html>', { status: 503, headers: { 'Content-Type': 'text/html' } }),
    });
    renderWithProvider(<Show />, { renewBeforeExpirySeconds: 60 });
    const requests = () => cognito.to('/oauth2/token').length;
    await advance(2);
    expect(requests()).toBe(1);
    await until(() => expect(screen.getByText('authenticated:access-1:network')).toBeTruthy());
    for (const [wait, total] of [
      [2, 2],
      [4, 3],
      [8, 4],
      [16, 5],
    ] as const) {
      await advance(wait - 0.5);
      expect(requests()).toBe(total - 1);
      await advance(0.5);
      expect(requests()).toBe(total);
    }
    expect(screen.getByText('authenticated:access-1:network')).toBeTruthy();
    expect(JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}')).toMatchObject({ access_token: 'access-1' });
  });

  it('refresh-invalid_grant: the session ends with error "refresh", one "Sign in again" prompt, no redirect, no retry', async () => {
    await storeSession({ expiresIn: 62 });
    const cognito = stubCognito({
      onToken: () =>
        json({ error: 'invalid_grant', error_description: 'Refresh Token has been revoked' }, 400),
    });
    renderWithProvider(
      <>
        <Show />
        <RequireAuth>
          <Show />
        </RequireAuth>
      </>,
    );
    await advance(2);
    await until(() => expect(screen.getByRole('alert').textContent).toMatch(/sign in again/i));
    expect(screen.getByText('unauthenticated:-:refresh')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Sign in again' })).toHaveLength(1);
    await advance(3600);
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
    expect(redirectTo).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
  });

  it.each([
    ['ahead', 7200],
    ['behind', -7200],
  ])(
    'clock-skew: a browser clock 2 h %s renews expires_in − renewBefore after receipt, once per lifetime',
    async (_what, browserOffset) => {
      const serverNow = Math.floor(Date.now() / 1000);
      vi.setSystemTime((serverNow + browserOffset) * 1000);
      await storeSession({ expiresIn: 3600, claims: { iat: serverNow, exp: serverNow + 3600 } });
      let n = 0;
      const cognito = stubCognito({
        onToken: () => {
          n += 1;
          return tokenResponse(
            { access_token: `access-${n + 1}` },
            { iat: serverNow + 3540 * n, exp: serverNow + 3540 * n + 3600 },
          );
        },
      });
      renderWithProvider(<Show />);
      await advance(3540 - 1);
      expect(cognito.to('/oauth2/token')).toHaveLength(0);
      await advance(1);
      await until(() => expect(screen.getByText('authenticated:access-2:none')).toBeTruthy());
      await advance(3540 - 1);
      expect(cognito.to('/oauth2/token')).toHaveLength(1);
      await advance(1);
      await until(() => expect(screen.getByText('authenticated:access-3:none')).toBeTruthy());
      expect(cognito.to('/oauth2/token')).toHaveLength(2);
    },
  );
});
