import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { redirectTo } from '../../src/redirectTo.js';
import {
  CLIENT_ID,
  APP,
  allStorage,
  landOnCallback,
  lastRedirect,
  makeProbe,
  refreshGrant,
  renderApp,
  signedIn,
  startSignIn,
  stored,
} from './support/emulatorApp.js';
import { setUpEmulatorPool } from './support/setUpEmulatorPool.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const pool = setUpEmulatorPool();

/** Every request the SDK makes, with its URL, headers and body as text. */
function recordRequests() {
  const seen: { url: string; headers: Headers; body: string }[] = [];
  const realFetch = globalThis.fetch.bind(globalThis);
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const request = new Request(input, init);
    seen.push({
      url: request.url,
      headers: request.headers,
      body: typeof init?.body === 'string' ? init.body : String(init?.body ?? ''),
    });
    return realFetch(input, init);
  });
  return seen;
}

describe('public client hygiene', () => {
  it('pkce-s256: every authorize request has a fresh S256 code_challenge, and the pool accepts each', async () => {
    const probe = makeProbe();
    renderApp(pool, <probe.Probe />, { disablePKCE: true } as never);
    await screen.findByText(/status:unauthenticated/);
    for (let i = 0; i < 3; i++) await act(() => probe.current().signIn());
    const urls = vi.mocked(redirectTo).mock.calls.map(([url]) => new URL(url));
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect((await fetch(url, { redirect: 'manual' })).status).toBe(302);
    }
    for (const name of ['code_challenge', 'nonce', 'state']) {
      expect(new Set(urls.map((url) => url.searchParams.get(name))).size).toBe(3);
    }
  });

  it('no-client-secret: sign-in, renewal and sign-out never send client_secret, Authorization: Basic, or a token in a URL', async () => {
    const seen = recordRequests();
    const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    await act(() => probe.current().getAccessToken());
    const tokens = stored(pool);
    await act(() => probe.current().signOut());
    const toPool = seen.filter((r) => r.url.startsWith(pool.domain) || r.url.startsWith(pool.issuerOrigin));
    expect(toPool.map((r) => new URL(r.url).pathname)).toEqual(
      expect.arrayContaining(['/oauth2/token', '/oauth2/revoke']),
    );
    for (const request of toPool) {
      expect(request.body).not.toMatch(/client_secret/);
      expect(request.headers.get('authorization') ?? '').not.toMatch(/^Basic/i);
    }
    const urls = [
      ...seen.map((r) => r.url),
      ...vi.mocked(redirectTo).mock.calls.map(([url]) => url),
      window.location.href,
    ];
    for (const token of [tokens?.access_token, tokens?.id_token, tokens?.refresh_token]) {
      expect(token).toBeTruthy();
      for (const url of urls) expect(url).not.toContain(token);
    }
  });

  it('sign-out-revoke: sign-out revokes the refresh token, goes to /logout with client_id + logout_uri, and the token no longer refreshes', async () => {
    const { probe } = await signedIn(pool);
    const refreshToken = stored(pool)?.refresh_token ?? '';
    await act(() => probe.current().signOut());
    expect(pool.controls.requestCounts().revoke).toBe(1);
    const logout = new URL(lastRedirect());
    expect(logout.origin + logout.pathname).toBe(`${pool.domain}/logout`);
    expect(Object.fromEntries(logout.searchParams)).toEqual({ client_id: CLIENT_ID, logout_uri: `${APP}/` });
    const answer = await fetch(logout, { redirect: 'manual' });
    expect([answer.status, answer.headers.get('location')]).toEqual([302, `${APP}/`]);
    expect(probe.current().status).toBe('unauthenticated');
    expect(allStorage()).not.toContain(refreshToken);
    expect(await refreshGrant(pool, refreshToken)).toMatchObject({ error: 'invalid_grant' });
  });

  // How long it holds sign-out up (requestTimeoutSeconds, no more, no less) is timed with fake timers in
  // test/unit/hardening/signOutTimeout.test.tsx; this one shows it over real HTTP against the emulator's stall.
  it('sign-out-stalled-revoke: a revocation answer that stalls after its headers does not stop sign-out — the session is cleared and the browser goes to /logout', async () => {
    const { probe } = await signedIn(pool, { requestTimeoutSeconds: 1 });
    pool.controls.failNext('revoke', 1, { stall: true });
    await act(() => probe.current().signOut());
    expect(pool.controls.requestCounts().revoke).toBe(1); // the revocation was sent, and met the stall
    expect(new URL(lastRedirect()).pathname).toBe('/logout');
    expect(probe.current().status).toBe('unauthenticated');
    expect(stored(pool)).toBeNull();
  });

  it('sign-out-logout_uri: a postLogoutRedirectUri not registered on the app client builds a /logout URL the pool refuses', async () => {
    const { probe } = await signedIn(pool, { postLogoutRedirectUri: `${APP}/not-registered` });
    await act(() => probe.current().signOut());
    const logout = await fetch(lastRedirect(), { redirect: 'manual' });
    expect(logout.status).toBe(400);
  });
});

describe('one session across tabs (two providers sharing only the BroadcastChannel)', () => {
  it('tabs-new-tab: a new tab of a signed-in app is signed in from its peer, without a request to Cognito', async () => {
    await signedIn(pool);
    pool.controls.resetRequestCounts();
    const other = makeProbe('B:');
    renderApp(pool, <other.Probe />, { storage: 'memory' });
    await screen.findByText('B:status:authenticated error:none');
    expect(Object.values(pool.controls.requestCounts()).every((count) => count === 0)).toBe(true);
  });

  it('tabs-sign-in: a sign-in in one tab reaches a signed-out tab', async () => {
    const callback = await startSignIn(pool);
    const other = makeProbe('B:');
    renderApp(pool, <other.Probe />, { storage: 'memory' });
    await screen.findByText('B:status:unauthenticated error:none');
    await landOnCallback(pool, callback);
    await screen.findByText('B:status:authenticated error:none');
    expect(other.current().user?.username).toBe('alice');
    expect(pool.controls.requestCounts().token).toBe(1);
  });

  it('tabs-sign-out: a sign-out in one tab signs every tab out, with error "session" and no redirect in the others', async () => {
    const { probe } = await signedIn(pool);
    const other = makeProbe('B:');
    renderApp(pool, <other.Probe />, { storage: 'memory' });
    await screen.findByText('B:status:authenticated error:none');
    vi.mocked(redirectTo).mockReset();
    await act(() => probe.current().signOut());
    await screen.findByText('B:status:unauthenticated error:session');
    expect(vi.mocked(redirectTo).mock.calls).toHaveLength(1); // only the signing-out tab goes to /logout
    expect(other.current().user).toBeNull();
  });
});
