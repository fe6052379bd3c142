import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../src/index.js';
import {
  capture,
  debugLines,
  json,
  renderWithProvider,
  storeSession,
  stubCognito,
  tokenResponse,
  USER_KEY,
} from './support/fakeCognito.js';
import { advance, fakeClock, until } from './support/fakeTime.js';

const stored = () =>
  JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null') as {
    access_token: string;
    refresh_token: string;
  } | null;

let statusRenders = 0;
function Status() {
  statusRenders++;
  return <p>status:{useAuth().status}</p>;
}
function Token() {
  const { user, error } = useAuth();
  return (
    <p>
      token:{user?.accessToken ?? 'none'} error:{error?.code ?? 'none'}
    </p>
  );
}
const App = () => (
  <>
    <Status />
    <Token />
  </>
);

beforeEach(() => {
  fakeClock();
  statusRenders = 0;
});

describe('session renewal', () => {
  it('renews renewBeforeExpirySeconds before expiry, keeping the refresh token when none is returned', async () => {
    await storeSession({ expiresIn: 3600, refreshToken: 'refresh-1' });
    const cognito = stubCognito({ onToken: () => tokenResponse() });
    renderWithProvider(<App />);
    await advance(3600 - 60 - 1);
    expect(cognito.to('/oauth2/token')).toHaveLength(0);
    await advance(2);
    const [refresh, ...more] = cognito.to('/oauth2/token');
    expect(more).toEqual([]);
    expect(Object.fromEntries(refresh?.body ?? [])).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
    });
    await until(() => expect(screen.getByText('token:access-2 error:none')).toBeTruthy());
    expect(stored()).toMatchObject({ access_token: 'access-2', refresh_token: 'refresh-1' });
  });

  it('renews within 5 s of the device waking, when the renewal fell due while it slept', async () => {
    await storeSession({ expiresIn: 3600, accessToken: 'access-1' });
    const cognito = stubCognito({ onToken: () => tokenResponse() });
    renderWithProvider(<App />);
    await advance(600);
    expect(cognito.to('/oauth2/token')).toHaveLength(0);
    vi.setSystemTime(Date.now() + 2 * 3600 * 1000); // asleep: the clock moves on, timers stand still
    await advance(5); // the next check of the clock finds the renewal due
    await until(() => expect(screen.getByText('token:access-2 error:none')).toBeTruthy());
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });

  it('leaves no timer behind when the provider unmounts: neither the renewal nor the clock check', async () => {
    await storeSession({ expiresIn: 3600 });
    stubCognito({ onToken: () => tokenResponse() });
    const page = renderWithProvider(<App />);
    await advance(6);
    expect(vi.getTimerCount()).toBe(2);
    page.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('replaces a rotated refresh token', async () => {
    await storeSession({ expiresIn: -1, refreshToken: 'refresh-1' });
    stubCognito({ onToken: () => tokenResponse({ refresh_token: 'refresh-2' }) });
    renderWithProvider(<App />);
    await advance(0);
    await until(() =>
      expect(stored()).toMatchObject({ access_token: 'access-2', refresh_token: 'refresh-2' }),
    );
  });

  it('does not re-render a component that reads only status when tokens are renewed', async () => {
    await storeSession({ expiresIn: -1 });
    stubCognito({ onToken: () => tokenResponse() });
    renderWithProvider(<App />);
    const before = statusRenders;
    await advance(0);
    await until(() => expect(screen.getByText('token:access-2 error:none')).toBeTruthy());
    expect(statusRenders).toBe(before);
  });

  it('ends the session on invalid_grant: unauthenticated, error "refresh", storage cleared, no retry', async () => {
    await storeSession({ expiresIn: -1 });
    const cognito = stubCognito({
      onToken: () =>
        json({ error: 'invalid_grant', error_description: 'Refresh Token has been revoked' }, 400),
    });
    renderWithProvider(<App />);
    await advance(0);
    await until(() => expect(screen.getByText('status:unauthenticated')).toBeTruthy());
    expect(screen.getByText('token:none error:refresh')).toBeTruthy();
    expect(stored()).toBeNull();
    await advance(3600);
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });

  it('ends the session when the renewed ID token names another user', async () => {
    await storeSession({ expiresIn: -1 });
    stubCognito({ onToken: () => tokenResponse({}, { sub: 'sub-mallory' }) });
    renderWithProvider(<App />);
    await advance(0);
    await until(() => expect(screen.getByText('token:none error:token')).toBeTruthy());
    expect(stored()).toBeNull();
  });

  it.each([
    [
      'a 5xx',
      () => new Response('<html>oops</html>', { status: 503, headers: { 'Content-Type': 'text/html' } }),
    ],
    [
      'malformed JSON',
      () => new Response('{"access', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    ],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed'))],
    ['a 429 without an OAuth error (throttled)', () => json({ message: 'Rate exceeded' }, 429)],
    ['a 408 without an OAuth error', () => new Response('', { status: 408 })],
  ])('keeps the session and retries with backoff after %s', async (_name, fault) => {
    await storeSession({ expiresIn: 30, accessToken: 'access-1' });
    let calls = 0;
    const cognito = stubCognito({ onToken: () => (++calls <= 2 ? fault() : tokenResponse()) });
    renderWithProvider(<App />);
    await advance(15);
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
    await until(() => expect(screen.getByText('token:access-1 error:network')).toBeTruthy());
    expect(screen.getByText('status:authenticated')).toBeTruthy();
    await advance(2);
    expect(cognito.to('/oauth2/token')).toHaveLength(2);
    await advance(3);
    expect(cognito.to('/oauth2/token')).toHaveLength(2);
    await advance(1);
    expect(cognito.to('/oauth2/token')).toHaveLength(3);
    await until(() => expect(screen.getByText('token:access-2 error:none')).toBeTruthy());
  });

  it('keeps the session past expiry while renewal fails on network faults: token reads reject with network', async () => {
    await storeSession({ expiresIn: 30, accessToken: 'access-1' });
    let down = true;
    const cognito = stubCognito({
      onToken: () => (down ? Promise.reject(new TypeError('fetch failed')) : tokenResponse()),
    });
    const { Probe, current: auth } = capture(useAuth);
    renderWithProvider(
      <>
        <App />
        <Probe />
      </>,
    );
    await advance(45); // 15 s past expiry, several retries failed
    expect(cognito.to('/oauth2/token').length).toBeGreaterThan(2);
    expect(screen.getByText('status:authenticated')).toBeTruthy();
    expect(screen.getByText('token:access-1 error:network')).toBeTruthy();
    await act(() => expect(auth().getAccessToken()).rejects.toMatchObject({ code: 'network' }));
    down = false;
    let token = '';
    await act(async () => {
      token = await auth().getAccessToken();
    });
    expect(token).toBe('access-2');
    expect(screen.getByText('status:authenticated')).toBeTruthy();
  });

  it('tells the other tabs nothing when a renewal fails on a network fault that kept no rotated refresh token', async () => {
    await storeSession({ expiresIn: 30, accessToken: 'access-1' });
    stubCognito({ onToken: () => Promise.reject(new TypeError('fetch failed')) });
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    renderWithProvider(<App />);
    await advance(15);
    await until(() => expect(screen.getByText('token:access-1 error:network')).toBeTruthy());
    expect(posted).not.toHaveBeenCalled();
  });

  it('loads the signing keys before spending the refresh token: a failed key fetch leaves it unspent for the retry (rotation)', async () => {
    await storeSession({ expiresIn: 30, accessToken: 'access-1', refreshToken: 'refresh-1' });
    const cognito = stubCognito({
      onToken: (body) =>
        body.get('refresh_token') === 'refresh-1'
          ? tokenResponse({ refresh_token: 'refresh-2' })
          : json({ error: 'invalid_grant' }, 400),
      failJwks: (n) => n === 1,
    });
    renderWithProvider(<App />);
    await advance(15);
    await until(() => expect(screen.getByText('token:access-1 error:network')).toBeTruthy());
    expect(cognito.to('/oauth2/token')).toHaveLength(0);
    await advance(2);
    await until(() => expect(screen.getByText('token:access-2 error:none')).toBeTruthy());
    expect(cognito.to('/oauth2/token').map((r) => r.body.get('refresh_token'))).toEqual(['refresh-1']);
    expect(stored()).toMatchObject({ refresh_token: 'refresh-2' });
  });

  it('ends the session in this tab when it is gone from storage at renewal time (cleared elsewhere), with no token request', async () => {
    await storeSession({ expiresIn: 30 });
    const cognito = stubCognito({ onToken: () => tokenResponse() });
    renderWithProvider(<App />);
    sessionStorage.removeItem(USER_KEY);
    await advance(15);
    await until(() => expect(screen.getByText('status:unauthenticated')).toBeTruthy());
    expect(screen.getByText('token:none error:session')).toBeTruthy();
    expect(cognito.to('/oauth2/token')).toEqual([]);
  });

  it('does not renew a token that lives longer than setTimeout can wait (about 24.8 days) until it is due', async () => {
    await storeSession({ expiresIn: 30 * 24 * 3600 });
    const cognito = stubCognito({ onToken: () => tokenResponse() });
    renderWithProvider(<App />);
    await advance(60);
    expect(cognito.to('/oauth2/token')).toEqual([]); // a longer timeout fires at once: a renewal loop
    await advance(30 * 24 * 3600 - 60 - 60 - 5);
    expect(cognito.to('/oauth2/token')).toEqual([]);
    await advance(10); // due 60 s before expiry, seen by the 5 s clock check
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });

  it('does not renew when the browser comes back online after no failed renewal', async () => {
    await storeSession({ expiresIn: 3600 });
    const cognito = stubCognito({ onToken: () => tokenResponse() });
    const renewals = debugLines('renewal: start');
    renderWithProvider(<App />, { debug: true });
    await advance(0);
    window.dispatchEvent(new Event('online')); // a renewal would log its start at once
    expect(renewals()).toEqual([]);
    expect(cognito.to('/oauth2/token')).toEqual([]);
  });

  it('retries at once when the browser comes back online', async () => {
    await storeSession({ expiresIn: -1 });
    let calls = 0;
    const cognito = stubCognito({
      onToken: () => (++calls === 1 ? Promise.reject(new TypeError('fetch failed')) : tokenResponse()),
    });
    renderWithProvider(<App />);
    await advance(0);
    await until(() => expect(screen.getByText('token:access-1 error:network')).toBeTruthy());
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(cognito.to('/oauth2/token')).toHaveLength(2);
    await until(() => expect(screen.getByText('token:access-2 error:none')).toBeTruthy());
  });

  it('does not renew when the browser comes back online after the provider unmounted', async () => {
    await storeSession({ expiresIn: -1 });
    const cognito = stubCognito({ onToken: () => Promise.reject(new TypeError('fetch failed')) });
    const page = renderWithProvider(<App />);
    await advance(0);
    await until(() => expect(screen.getByText('token:access-1 error:network')).toBeTruthy());
    page.unmount();
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });

  it('keeps a session without a refresh token when a token read finds it due for renewal: the token is handed out, no request', async () => {
    await storeSession({ expiresIn: 3600, refreshToken: null, accessToken: 'access-1' });
    const cognito = stubCognito();
    const { Probe, current: auth } = capture(useAuth);
    renderWithProvider(
      <>
        <App />
        <Probe />
      </>,
      { renewBeforeExpirySeconds: 7200 }, // every token read finds it due
    );
    let token = '';
    await act(async () => {
      token = await auth().getAccessToken();
    });
    expect(token).toBe('access-1');
    expect(screen.getByText('status:authenticated')).toBeTruthy();
    expect(screen.getByText('token:access-1 error:none')).toBeTruthy();
    expect(sessionStorage.getItem(USER_KEY)).toContain('"access_token":"access-1"');
    expect(cognito.seen).toEqual([]);
  });
});
