import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError, useSessionExpiry } from '../../../src/index.js';
import { renderWithProvider, storeSession, stubCognito } from '../support/fakeCognito.js';
import { advance } from '../support/fakeTime.js';

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
const renderBanner = (warn?: number) => renderWithProvider(<Banner {...(warn !== undefined && { warn })} />);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
  stubCognito();
  renders = 0;
});

describe('useSessionExpiry', () => {
  it('waits for a window weeks away with one timer, not one that fires at once (setTimeout caps at ~24.8 days)', async () => {
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

  it('session-expiry: takes a custom window, is null when signed out, and stops when unmounted', async () => {
    await storeSession({ expiresIn: 100, refreshToken: null });
    const page = renderBanner(120);
    await advance(0);
    expect(screen.getByText('set:100:soon')).toBeTruthy();
    page.unmount();
    expect(vi.getTimerCount()).toBe(0);
    sessionStorage.clear();
    renderBanner();
    await advance(0.2);
    expect(screen.getByText('none:-:ok')).toBeTruthy();
  });

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
