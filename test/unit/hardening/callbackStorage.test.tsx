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

  it('postmessage-forged: a forged cross-origin postMessage (popup-style callback) is ignored', async () => {
    const cognito = stubCognito();
    renderWithProvider(<probe.Probe />);
    await screen.findByText('status:unauthenticated');
    await act(async () => {
      for (const data of [
        { source: 'oidc-client', url: `${APP}/callback?code=c&state=s`, keepOpen: false },
        JSON.stringify({ access_token: 'forged', id_token: await idToken(), profile: { sub: 'mallory' } }),
      ]) {
        window.dispatchEvent(new MessageEvent('message', { data, origin: 'https://evil.example' }));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(probe.current()).toMatchObject({ status: 'unauthenticated', user: null });
    expect(cognito.seen).toEqual([]);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
  });
});
