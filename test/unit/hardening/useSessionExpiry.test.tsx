import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError, useSessionExpiry, type CognitoProviderProps } from '../../../src/index.js';
import { renderWithProvider, storeSession, stubCognito, tokenResponse } from '../support/fakeCognito.js';
import { advance, fakeClock, until } from '../support/fakeTime.js';

let renders = 0;
function Banner({ warn }: { warn?: number }) {
  renders++;
  const { expiresAt, secondsLeft, expiringSoon } = useSessionExpiry(warn);
  return (
    <p>
      {expiresAt === null ? 'none' : 'set'}:{secondsLeft ?? '-'}:{expiringSoon ? 'soon' : 'ok'}
    </p>
  );
}
/**
 * The banner, under a provider whose renewal of a 400 s session (stored without a refresh token: none happens) would
 * be due at 350 s left and overdue at 340 s, so the window alone decides `expiringSoon`.
 */
const renderBanner = (
  warn?: number,
  props: Partial<CognitoProviderProps> = { renewBeforeExpirySeconds: 350 },
) => renderWithProvider(<Banner {...(warn !== undefined && { warn })} />, props);

beforeEach(() => {
  fakeClock();
  vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
  stubCognito();
  renders = 0;
});

describe('useSessionExpiry', () => {
  it('waits for a window weeks away without re-rendering, not with a timer that fires at once (setTimeout caps at ~24.8 days)', async () => {
    await storeSession({ expiresIn: 30 * 24 * 3600, refreshToken: null });
    renderBanner();
    await advance(0);
    const before = renders;
    await advance(10);
    expect(renders).toBe(before);
    expect(screen.getByText(`set:${30 * 24 * 3600}:ok`)).toBeTruthy();
  });

  it('session-expiry: reports the time left, ticks once a second only inside the warning window (default 300 s)', async () => {
    await storeSession({ expiresIn: 400, refreshToken: null });
    renderBanner();
    await advance(0);
    expect(screen.getByText('set:400:ok')).toBeTruthy();
    const before = renders;
    await advance(99);
    expect(renders).toBe(before); // outside the window: no re-render (secondsLeft as of the last one)
    expect(screen.getByText('set:400:ok')).toBeTruthy();
    await advance(1);
    expect(screen.getByText('set:300:soon')).toBeTruthy();
    await advance(1);
    expect(screen.getByText('set:299:soon')).toBeTruthy();
    for (let left = 298; left >= 289; left--) {
      await advance(1);
      expect(screen.getByText(`set:${left}:soon`)).toBeTruthy();
    }
    await advance(289);
    expect(screen.getByText('set:0:soon')).toBeTruthy();
    const expired = renders;
    await advance(60);
    expect(renders).toBe(expired); // stops ticking once expired
  });

  it('ticks as the whole seconds left change when the session does not end on a whole second of the clock', async () => {
    await storeSession({ expiresIn: 200, refreshToken: null });
    vi.setSystemTime(Date.now() + 300); // 199.7 s left: shown as 200 until 0.7 s from now
    renderBanner();
    await advance(0);
    expect(screen.getByText('set:200:ok')).toBeTruthy();
    for (let left = 199; left >= 197; left--) {
      await advance(left === 199 ? 0.699 : 0.999);
      expect(screen.getByText(`set:${left + 1}:ok`)).toBeTruthy();
      await advance(0.001);
      expect(screen.getByText(`set:${left}:ok`)).toBeTruthy();
    }
  });

  it('follows renewed tokens: waits for their window and counts down to their expiry, not the old one', async () => {
    await storeSession({ expiresIn: 400 });
    stubCognito({ onToken: () => tokenResponse({ expires_in: 400 }) });
    renderBanner(300, {});
    await advance(0);
    await advance(340); // 60 s left: the renewal is due
    const page = screen.getByText(/^set:/);
    await until(() => expect(Number(/^set:(\d+)/.exec(page.textContent ?? '')?.[1])).toBeGreaterThan(60));
    await advance(0.001); // the tick on the new expiry (see the schedules below)
    expect(screen.getByText('set:400:ok')).toBeTruthy();
    await advance(99);
    expect(screen.getByText('set:400:ok')).toBeTruthy(); // outside the new window: no tick
    await advance(1);
    expect(screen.getByText('set:300:ok')).toBeTruthy(); // the new window opens; their renewal is still ahead
    await advance(60);
    expect(screen.getByText('set:240:ok')).toBeTruthy();
  });

  it('catches up within 5 s of the device waking, and gives the renewal due on waking 70 s before it warns', async () => {
    await storeSession({ expiresIn: 3600, refreshToken: null }); // no renewal comes
    renderBanner();
    await advance(0);
    expect(screen.getByText('set:3600:ok')).toBeTruthy();
    vi.setSystemTime(Date.now() + 3500 * 1000); // asleep: the clock moves on, timers stand still
    await advance(5);
    expect(screen.getByText('set:95:ok')).toBeTruthy(); // the window's countdown, not yet the warning
    await advance(69);
    expect(screen.getByText('set:26:ok')).toBeTruthy();
    await advance(1);
    expect(screen.getByText('set:25:soon')).toBeTruthy();
  });

  it('does not warn earlier after a short sleep than the renewal still ahead allows', async () => {
    await storeSession({ expiresIn: 3600 });
    stubCognito({ onToken: () => tokenResponse() });
    renderBanner(300, {});
    await advance(0);
    vi.setSystemTime(Date.now() + 3400 * 1000); // wakes with 200 s left: the renewal at 60 s left is still ahead
    await advance(5);
    await advance(100);
    expect(screen.getByText('set:95:ok')).toBeTruthy();
  });

  it('does not warn when the renewal due on waking succeeds', async () => {
    await storeSession({ expiresIn: 3600 });
    stubCognito({ onToken: () => tokenResponse() });
    const seen = new Set<string>();
    const page = renderBanner(300, {});
    const record = () => seen.add(page.container.textContent ?? '');
    await advance(0);
    record();
    vi.setSystemTime(Date.now() + 3550 * 1000); // 50 s left: the renewal is due
    for (let second = 0; second < 10; second++) {
      await advance(1);
      record();
    }
    await until(() => expect(page.container.textContent).toMatch(/^set:3[56]\d\d:ok$/)); // renewed
    expect([...seen].filter((text) => text.endsWith(':soon'))).toEqual([]);
  });

  it('session-expiry: takes a custom window, is null when signed out, and stops when unmounted', async () => {
    await storeSession({ expiresIn: 100, refreshToken: null });
    const page = renderBanner(120, { renewBeforeExpirySeconds: 99 });
    await advance(0);
    expect(screen.getByText('set:100:ok')).toBeTruthy(); // its renewal is due at 99 s left
    await advance(11);
    expect(screen.getByText('set:89:soon')).toBeTruthy();
    page.unmount();
    expect(vi.getTimerCount()).toBe(0);
    sessionStorage.clear();
    renderBanner();
    await advance(0.2);
    expect(screen.getByText('none:-:ok')).toBeTruthy();
  });

  /** Tokens' lifetime, the provider's props, and when (seconds left) their renewal is due and overdue. */
  const schedules = [
    ['the defaults (renewal 60 s before expiry)', 400, {}, 60, 50],
    [
      '5-minute tokens renewed halfway (renewBeforeExpirySeconds 600)',
      300,
      { renewBeforeExpirySeconds: 600 },
      150,
      140,
    ],
    [
      'a renewal 16 s before expiry (renewBeforeExpirySeconds 16), which has half its lead, 8 s',
      400,
      { renewBeforeExpirySeconds: 16 },
      16,
      8,
    ],
  ] as const;

  it.each(schedules)(
    'session-expiry: with %s, says nothing in the 300 s window while the renewal works',
    async (_name, lifetime, props, due) => {
      await storeSession({ expiresIn: lifetime });
      const cognito = stubCognito({ onToken: () => tokenResponse({ expires_in: lifetime }) });
      renderBanner(300, props);
      await advance(0);
      await advance(lifetime - due - 1);
      expect(screen.getByText(`set:${due + 1}:ok`)).toBeTruthy(); // inside the window, before the renewal is due
      await advance(1);
      // The renewal ends in real time (WebCrypto), maybe after the advance; the hook's tick on the new expiry is then a
      // faked 0 ms timer set during an advance, which fake-timers puts 1 ms later.
      const page = screen.getByText(/^set:/);
      await until(() =>
        expect(Number(/^set:(\d+)/.exec(page.textContent ?? '')?.[1])).toBeGreaterThan(due + 1),
      );
      await advance(0.001);
      expect(screen.getByText(`set:${lifetime}:ok`)).toBeTruthy();
      expect(cognito.to('/oauth2/token')).toHaveLength(1);
    },
  );

  it.each(schedules)(
    'session-expiry: with %s, warns once the failing renewal has had requestTimeoutSeconds (10 s; at most half its lead)',
    async (_name, lifetime, props, _due, overdue) => {
      await storeSession({ expiresIn: lifetime });
      stubCognito({ onToken: () => Promise.reject(new TypeError('Failed to fetch')) });
      renderBanner(300, props);
      await advance(0);
      await advance(lifetime - overdue - 1);
      expect(screen.getByText(`set:${overdue + 1}:ok`)).toBeTruthy();
      await advance(1);
      expect(screen.getByText(`set:${overdue}:soon`)).toBeTruthy();
    },
  );

  it('session-expiry: outside <CognitoProvider> it throws AuthError "provider" naming useSessionExpiry()', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Banner />)).toThrow(AuthError);
    expect(() => render(<Banner />)).toThrow(
      expect.objectContaining({
        name: 'AuthError',
        code: 'provider',
        message:
          'useSessionExpiry() must be used inside <CognitoProvider> — wrap your app: <CognitoProvider …><App /></CognitoProvider>.',
      }),
    );
  });
});
