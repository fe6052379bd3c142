import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AuthCallback, useAuth } from '../../../src/index.js';
import { redirectTo } from '../../../src/redirectTo.js';
import {
  APP,
  capture,
  idToken,
  renderWithProvider,
  stubCognito,
  tokenResponse,
  USER_KEY,
} from '../support/fakeCognito.js';

vi.mock('../../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const statuses: string[] = [];
const probe = capture(useAuth, (auth) => {
  statuses.push(auth.status);
  return <p>status:{auth.status}</p>;
});

/** Starts a sign-in, then lands on /callback with a code for it; returns the nonce sent. */
async function landOnCallback(): Promise<string> {
  stubCognito();
  const page = renderWithProvider(<probe.Probe />);
  await screen.findByText('status:unauthenticated');
  await act(() => probe.current().signIn());
  const authorize = new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
  page.unmount();
  vi.mocked(redirectTo).mockReset();
  window.history.pushState(null, '', `/callback?code=c&state=${authorize.searchParams.get('state') ?? ''}`);
  return authorize.searchParams.get('nonce') ?? '';
}

describe('callback and storage edge cases', () => {
  it('oversized-tokens: a storage quota error is a clear AuthError, nothing is stored, the refresh token is revoked, never a half sign-in', async () => {
    const nonce = await landOnCallback();
    const groups = Array.from({ length: 500 }, (_, i) => `group-${i}`);
    const cognito = stubCognito({
      onToken: () =>
        tokenResponse({ access_token: 'a', refresh_token: 'r' }, { nonce, 'cognito:groups': groups }),
      onRevoke: () => new Response('', { status: 200 }),
    });
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
      this: Storage,
      key: string,
      value: string,
    ) {
      if (key.startsWith('oidc.user:'))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    statuses.length = 0;
    const navigate = vi.fn();
    renderWithProvider(
      <>
        <AuthCallback navigate={navigate} />
        <probe.Probe />
      </>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/too large for the browser storage/);
    expect(probe.current()).toMatchObject({ status: 'error', user: null, error: { code: 'token' } });
    expect(statuses).not.toContain('authenticated');
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    expect(cognito.to('/oauth2/revoke').map((r) => r.body.get('token'))).toEqual(['r']);
  });

  it('callback-bfcache: restored from the back/forward cache without a session → "sign in again", no token request', async () => {
    window.history.pushState(null, '', '/callback');
    const cognito = stubCognito();
    let shown: unknown;
    renderWithProvider(<AuthCallback renderError={(error) => ((shown = error), (<p>failed</p>))} />);
    await screen.findByText('failed');
    shown = undefined;
    await act(async () => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    await waitFor(() => expect(shown).toMatchObject({ code: 'state' }));
    expect(cognito.seen).toEqual([]);
  });

  it('postmessage-forged: nothing listens for window messages through sign-in, callback and renewal, so a forged cross-origin postMessage (popup-style callback, a session, a sign-out) changes nothing', async () => {
    // The SDK has no popup or iframe flow: neither it nor oidc-client-ts's popup/iframe/check-session code (which
    // listen on window 'message') may ever listen. Both ways to listen are watched from the first render on.
    const listen = vi.spyOn(window, 'addEventListener');
    const onmessage = vi.spyOn(window, 'onmessage', 'set');
    const nonce = await landOnCallback();
    const cognito = stubCognito({
      onToken: (body) =>
        body.get('grant_type') === 'authorization_code'
          ? tokenResponse({ access_token: 'access-1', refresh_token: 'refresh-1', expires_in: 30 }, { nonce })
          : tokenResponse({ access_token: 'access-2' }),
    });
    renderWithProvider(
      <>
        <AuthCallback navigate={vi.fn()} />
        <probe.Probe />
      </>,
    );
    await waitFor(() => expect(probe.current().status).toBe('authenticated'));
    // 30 s left, under the 60 s renewBeforeExpirySeconds: the token read renews first.
    await act(async () => expect(await probe.current().getAccessToken()).toBe('access-2'));
    expect(cognito.to('/oauth2/token').map((r) => r.body.get('grant_type'))).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
    const types = listen.mock.calls.map(([type]) => type);
    expect(types).toEqual(expect.arrayContaining(['online', 'pageshow'])); // the spy sees the SDK's listeners
    expect(types).not.toContain('message');
    expect(onmessage).not.toHaveBeenCalled();
    expect(window.onmessage).toBeNull();

    const stored = sessionStorage.getItem(USER_KEY);
    const requests = cognito.seen.length;
    const forged = JSON.stringify({
      access_token: 'forged',
      id_token: await idToken({ sub: 'sub-mallory' }),
      profile: { sub: 'sub-mallory' },
    });
    // dispatchEvent runs every listener before it returns, and none is registered (above): nothing can react later.
    act(() => {
      for (const data of [
        { source: 'oidc-client', url: `${APP}/callback?code=c&state=s`, keepOpen: false },
        forged, // a session as the tabs broadcast it
        null, // "signed out", as the tabs broadcast it
        '!refresh',
      ]) {
        window.dispatchEvent(new MessageEvent('message', { data, origin: 'https://evil.example' }));
      }
    });
    expect(probe.current()).toMatchObject({
      status: 'authenticated',
      user: { accessToken: 'access-2', sub: 'sub-alice' },
    });
    expect(sessionStorage.getItem(USER_KEY)).toBe(stored);
    expect(cognito.seen).toHaveLength(requests);
  });
});
