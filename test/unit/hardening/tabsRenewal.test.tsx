import { act, render, screen } from '@testing-library/react';
import { Fragment, StrictMode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CognitoProvider } from '../../../src/index.js';
import { redirectTo } from '../../../src/redirectTo.js';
import {
  CONFIG,
  json,
  renderTabs,
  storeSession,
  stubCognito,
  SYNC_NAME,
  tabProbe,
  tokenResponse,
  USER_KEY,
} from '../support/fakeCognito.js';
import { fakeClock, gate, until } from '../support/fakeTime.js';
import { installWebLocks } from '../support/webLocks.js';

vi.mock('../../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

/**
 * {@link until}, running between retries a real macrotask (WebCrypto, BroadcastChannel), then zero-delay fake timers
 * (the lock's yield).
 */
const untilSettled = (check: () => void) =>
  until(check, () =>
    act(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(1); // a zero delay set during a fake tick is due 1 ms later
    }),
  );

/**
 * The token endpoint with refresh-token rotation (grace 0): each renewal answers `access-{n}` and `refresh-{n}`,
 * tokens living `expiresIn` seconds; a refresh token other than the latest gets `invalid_grant`.
 */
function rotatingPool(expiresIn: number) {
  let valid = 'refresh-0';
  let n = 0;
  return stubCognito({
    onToken: (body) => {
      if (body.get('refresh_token') !== valid) return json({ error: 'invalid_grant' }, 400);
      valid = `refresh-${++n}`;
      return tokenResponse({ access_token: `access-${n}`, refresh_token: valid, expires_in: expiresIn });
    },
  });
}

/**
 * Two {@link renderTabs}, both renewing on demand (renewBeforeExpirySeconds 7200), once B has adopted the session with
 * `access-0`.
 */
async function twoTabs() {
  const [a, b] = renderTabs([7200, 7200]);
  await untilSettled(() => screen.getByText('B:authenticated:access-0'));
  return { a, b };
}

beforeEach(() => {
  fakeClock();
  vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
});

describe('one session across tabs', () => {
  it('tabs-one-request-per-renewal: 3 tabs × 5 renewals with rotation (grace 0) → exactly 5 token requests, every tab follows, none signs out', async () => {
    const requested = installWebLocks();
    await storeSession({ expiresIn: 62, accessToken: 'access-0', refreshToken: 'refresh-0' });
    const cognito = rotatingPool(62);
    renderTabs([60, 60, 60]);
    await untilSettled(() =>
      ['A', 'B', 'C'].forEach((tab) => screen.getByText(`${tab}:authenticated:access-0`)),
    );
    for (let renewal = 1; renewal <= 5; renewal++) {
      await act(() => vi.advanceTimersByTimeAsync(2000));
      await untilSettled(() =>
        ['A', 'B', 'C'].forEach((tab) => screen.getByText(`${tab}:authenticated:access-${renewal}`)),
      );
      expect(cognito.to('/oauth2/token')).toHaveLength(renewal);
    }
    expect(cognito.to('/oauth2/token').map((r) => r.body.get('refresh_token'))).toEqual([
      'refresh-0',
      'refresh-1',
      'refresh-2',
      'refresh-3',
      'refresh-4',
    ]);
    expect(requested).toContain(SYNC_NAME);
    expect(requested).toContain(`${SYNC_NAME}:leader`);
  });

  it.each([
    ['under StrictMode', StrictMode],
    ['without StrictMode (every effect runs once)', Fragment],
  ])(
    'tabs-one-leader: only the leading tab renews on schedule, however early another tab would (%s)',
    async (_mode, Mode) => {
      installWebLocks();
      await storeSession({ expiresIn: 3600, accessToken: 'access-0' });
      const cognito = stubCognito({ onToken: () => tokenResponse() });
      const [a, b] = [tabProbe('A'), tabProbe('B')];
      render(
        <Mode>
          <CognitoProvider {...CONFIG} renewBeforeExpirySeconds={60}>
            <a.Probe />
          </CognitoProvider>
          {/* B asks for the lead after A; it would renew 10 min before expiry */}
          <CognitoProvider {...CONFIG} storage="memory" renewBeforeExpirySeconds={600}>
            <b.Probe />
          </CognitoProvider>
        </Mode>,
      );
      await untilSettled(() => screen.getByText('B:authenticated:access-0'));
      await act(() => vi.advanceTimersByTimeAsync((3600 - 600 + 10) * 1000));
      expect(cognito.to('/oauth2/token')).toEqual([]);
      await act(() => vi.advanceTimersByTimeAsync((600 - 60 - 10 + 1) * 1000)); // A's renewal is due
      await untilSettled(() =>
        ['A', 'B'].forEach((tab) => screen.getByText(`${tab}:authenticated:access-2`)),
      );
      expect(cognito.to('/oauth2/token')).toHaveLength(1);
    },
  );

  it('tabs-rotation-everywhere: a rotated refresh token reaches every tab, so any tab can renew next', async () => {
    await storeSession({ expiresIn: 3600, accessToken: 'access-0', refreshToken: 'refresh-0' });
    const cognito = rotatingPool(3600);
    const { a, b } = await twoTabs();
    await act(async () => {
      await expect(a.current().getAccessToken()).resolves.toBe('access-1');
    });
    await untilSettled(() => screen.getByText('B:authenticated:access-1'));
    await act(async () => {
      await expect(b.current().getAccessToken()).resolves.toBe('access-2');
    });
    await untilSettled(() => screen.getByText('A:authenticated:access-2'));
    expect(cognito.to('/oauth2/token').map((r) => r.body.get('refresh_token'))).toEqual([
      'refresh-0',
      'refresh-1',
    ]);
  });

  it('tabs-sign-out-during-renewal: a sign-out in one tab while another renews waits for that renewal, revokes the rotated refresh token, and every tab ends signed out', async () => {
    installWebLocks();
    await storeSession({ expiresIn: 3600, accessToken: 'access-0', refreshToken: 'refresh-0' });
    const { release: answer, released: answered } = gate();
    const cognito = stubCognito({
      onToken: async () => {
        await answered;
        return tokenResponse({ access_token: 'access-1', refresh_token: 'refresh-1', expires_in: 3600 });
      },
      onRevoke: () => new Response('', { status: 200 }),
    });
    const { a, b } = await twoTabs();
    const renewal = b.current().getAccessToken();
    await untilSettled(() => expect(cognito.to('/oauth2/token')).toHaveLength(1));
    const signOut = a.current().signOut();
    answer();
    await untilSettled(() => expect(redirectTo).toHaveBeenCalledOnce());
    await act(async () => {
      await expect(renewal).resolves.toBe('access-1');
      await signOut;
    });
    await untilSettled(() => ['A', 'B'].forEach((tab) => screen.getByText(`${tab}:unauthenticated:-`)));
    expect(cognito.to('/oauth2/revoke').map((r) => r.body.get('token'))).toEqual(['refresh-1']);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
  });
});
