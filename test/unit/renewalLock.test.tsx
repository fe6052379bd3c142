import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  renderWithProvider,
  statusProbe,
  storeSession,
  stubCognito,
  SYNC_NAME,
  tokenResponse,
  USER_KEY,
} from './support/fakeCognito.js';
import { advance, fakeClock, until } from './support/fakeTime.js';
import { installWebLocks } from './support/webLocks.js';

/** A Web Locks stand-in that runs `beforeGrant` when the lock is granted, as if another tab had just released it. */
function stubLocks(beforeGrant: () => void | Promise<void>) {
  const request = vi.fn(async (_name: string, task: () => Promise<unknown>) => {
    await beforeGrant();
    return task();
  });
  Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true });
  return request;
}

describe('renewal across tabs', () => {
  it('renews under the Web Lock react-cognito-sso:{clientId}', async () => {
    await storeSession({ accessToken: 'access-1' });
    stubCognito({
      onToken: () => tokenResponse(),
    });
    const request = stubLocks(() => undefined);
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />, { renewBeforeExpirySeconds: 7200 });
    await screen.findByText('authenticated');
    await act(async () => {
      expect(await probe.current().getAccessToken()).toBe('access-2');
    });
    expect(request).toHaveBeenCalledWith(SYNC_NAME, expect.any(Function));
  });

  it('adopts the tokens another tab stored while this one waited for the lock, without a token request', async () => {
    await storeSession({ accessToken: 'access-1' });
    localStorage.setItem(USER_KEY, sessionStorage.getItem(USER_KEY) ?? '');
    sessionStorage.clear();
    const cognito = stubCognito();
    stubLocks(() => {
      const renewed = JSON.parse(localStorage.getItem(USER_KEY) ?? '{}') as Record<string, unknown>;
      localStorage.setItem(USER_KEY, JSON.stringify({ ...renewed, access_token: 'access-from-tab-b' }));
    });
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />, { storage: 'local', renewBeforeExpirySeconds: 7200 });
    await screen.findByText('authenticated');
    await act(async () => {
      expect(await probe.current().getAccessToken()).toBe('access-from-tab-b');
    });
    expect(cognito.seen).toEqual([]);
  });

  it('hands the lead to a provider mounted after the leading one unmounted: it renews on schedule', async () => {
    installWebLocks();
    fakeClock();
    await storeSession({ expiresIn: 3600, accessToken: 'access-1' });
    const cognito = stubCognito({ onToken: () => tokenResponse() });
    const probe = statusProbe();
    const first = renderWithProvider(<probe.Probe />);
    await advance(1); // the leader lock's yield: this provider leads
    first.unmount();
    renderWithProvider(<probe.Probe />); // e.g. the app remounted its provider
    await advance(3600 - 60);
    await until(
      () => expect(cognito.to('/oauth2/token')).toHaveLength(1),
      () => advance(0.001), // the renewal lock's yield, and WebCrypto in between
    );
    await until(
      () => expect(probe.current().user?.accessToken).toBe('access-2'),
      () => advance(0.001),
    );
  });
});
