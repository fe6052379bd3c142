import { act, screen } from '@testing-library/react';
import type { CognitoEmulator, EmulatorUser } from 'react-cognito-sso/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireAuth } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import { peerTab } from '../unit/support/fakeCognito.js';
import { advance, fakeClock, until } from '../unit/support/fakeTime.js';
import {
  ALICE,
  CLIENT_ID,
  allStorage,
  landOnCallback,
  makeProbe,
  refreshGrant,
  renderApp,
  signedIn,
  startSignIn,
  stored,
  userKey,
} from './support/emulatorApp.js';
import { setUpEmulatorPool } from './support/setUpEmulatorPool.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const MANY_GROUPS = Array.from(
  { length: 400 },
  (_, i) => `data-platform-team-group-${String(i).padStart(4, '0')}`,
);
const BIG: EmulatorUser = {
  username: 'big',
  password: 'Big-Pass-1',
  email: 'big@example.com',
  groups: MANY_GROUPS,
};

const pool = setUpEmulatorPool({ users: [ALICE, BIG] });
const rotating = setUpEmulatorPool({ refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 0 } });
afterEach(() => {
  pool.controls.setClockOffsetSeconds(0);
});

/** Renews now (renewBeforeExpirySeconds 7200 makes every getAccessToken() renew) and returns the token. */
const renewNow = (probe: ReturnType<typeof makeProbe>) => act(() => probe.current().getAccessToken());

/**
 * Counts the requests this page sends to `pool`'s token endpoint, as they leave: a renewal is seen as soon as its
 * timer has fired, before the emulator receives it.
 */
function tokenRequestsSent(to: CognitoEmulator): () => number {
  const realFetch = globalThis.fetch.bind(globalThis);
  let sent = 0;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    if (String(input instanceof Request ? input.url : input) === `${to.domain}/oauth2/token`) sent += 1;
    return realFetch(input, init);
  });
  return () => sent;
}

describe('renewal under faults (RFC 9700 §4.14)', () => {
  it.each([
    ['a 503', { status: 503, body: '' }],
    ['a 500 with an OAuth error body (server_error)', { status: 500, body: '{"error":"server_error"}' }],
    ['a 502 HTML page', { status: 502, body: '<html>bad gateway</html>', contentType: 'text/html' }],
    ['a malformed body', { status: 200, body: '{"id_token": "' }],
    ['an answer without tokens ({})', { status: 200, body: '{}' }],
    ['a timeout', { delayMs: 3000 }],
    ['an answer that stalls after its headers', { stall: true }],
    ['a dropped connection (offline)', { drop: true }],
  ])(
    'refresh-fault: %s keeps the session (error "network"), the next renewal succeeds',
    async (_what, fault) => {
      const props = { renewBeforeExpirySeconds: 7200, requestTimeoutSeconds: 1 };
      const { probe } = await signedIn(pool, props);
      const before = stored(pool);
      pool.controls.failNext('token', 1, fault);
      expect(await renewNow(probe)).toBe(before?.access_token); // still valid: the old token is handed out
      expect(probe.current()).toMatchObject({ status: 'authenticated', error: { code: 'network' } });
      expect(stored(pool)).toEqual(before);
      const renewed = await renewNow(probe);
      expect(renewed).not.toBe(before?.access_token);
      expect(probe.current()).toMatchObject({ status: 'authenticated', error: null });
      expect(pool.controls.requestCounts().token).toBe(3);
    },
  );

  it('refresh-jwks-fault: signing keys answered with an HTML page (a captive portal) on a renewal after a reload keep the session (error "network") and spend no refresh token', async () => {
    const props = { renewBeforeExpirySeconds: 7200 };
    const { page } = await signedIn(pool, props);
    page.unmount(); // a reload: the keys are not cached any more
    const probe = makeProbe();
    renderApp(pool, <probe.Probe />, props);
    const before = stored(pool);
    pool.controls.failNext('jwks', 1, { status: 200, body: '<html>portal</html>', contentType: 'text/html' });
    expect(await renewNow(probe)).toBe(before?.access_token);
    expect(probe.current()).toMatchObject({ status: 'authenticated', error: { code: 'network' } });
    expect(stored(pool)).toEqual(before);
    expect(pool.controls.requestCounts().token).toBe(1); // the sign-in's code exchange only
  });

  it('refresh-jwks-refetch-fault: a renewed token signed with a new key whose key-set refetch answers an HTML page keeps the session (error "network"); the next renewal succeeds', async () => {
    const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    const before = stored(pool);
    pool.controls.rotateSigningKeys();
    pool.controls.failNext('jwks', 1, { status: 200, body: '<html>portal</html>', contentType: 'text/html' });
    expect(await renewNow(probe)).toBe(before?.access_token);
    expect(probe.current()).toMatchObject({ status: 'authenticated', error: { code: 'network' } });
    expect(probe.current().error?.message).toMatch(/— check the network connection and try again\.$/);
    expect(stored(pool)).toEqual(before);
    expect(await renewNow(probe)).not.toBe(before?.access_token);
    expect(probe.current()).toMatchObject({ status: 'authenticated', error: null });
  });

  it.each([
    [
      'an HTML page (a captive portal)',
      { status: 200, body: '<html>portal</html>', contentType: 'text/html' },
    ],
    ['a 503', { status: 503, body: '' }],
    ['a dropped connection', { drop: true }],
  ] as const)(
    'refresh-jwks-refetch-fault under rotation (grace 0), the key set answering %s: the rotated refresh token is kept with the old tokens, in this tab and the others, so the next renewal succeeds instead of ending the session',
    async (_what, fault) => {
      const { probe } = await signedIn(rotating, { renewBeforeExpirySeconds: 7200 });
      const before = stored(rotating);
      rotating.controls.rotateSigningKeys();
      rotating.controls.failNext('jwks', 1, fault);
      expect(await renewNow(probe)).toBe(before?.access_token);
      expect(probe.current()).toMatchObject({ status: 'authenticated', error: { code: 'network' } });
      const kept = stored(rotating);
      expect(kept?.refresh_token).not.toBe(before?.refresh_token); // the spent one no longer works
      expect({ ...kept, refresh_token: before?.refresh_token }).toEqual(before);
      const { peer, answers } = peerTab(`react-cognito-sso:${CLIENT_ID}`);
      peer.postMessage('ask');
      await vi.waitFor(() => expect(answers).toHaveLength(1)); // what another tab is handed
      expect(String(answers[0])).toContain(`"refresh_token":"${kept?.refresh_token ?? '-'}"`);
      expect(await renewNow(probe)).not.toBe(before?.access_token);
      expect(probe.current()).toMatchObject({ status: 'authenticated', error: null });
      expect(rotating.controls.requestCounts().token).toBe(3);
    },
  );

  it('refresh-jwks-refetch-fault under rotation, after another user signed in meanwhile: that session stands, and the rotated refresh token is revoked', async () => {
    const { probe } = await signedIn(rotating, { renewBeforeExpirySeconds: 7200 });
    const alice = JSON.parse(sessionStorage.getItem(userKey(rotating)) ?? '{}') as Record<string, unknown>;
    const bob = JSON.stringify({
      ...alice,
      access_token: 'access-bob',
      refresh_token: 'refresh-bob',
      profile: { ...(alice.profile as object), sub: 'sub-bob' },
    });
    rotating.controls.rotateSigningKeys();
    rotating.controls.failNext('jwks', 1, { status: 503, body: '' });
    rotating.controls.failNext('token', 1, { delayMs: 1500 }); // time to store another session meanwhile
    const renewal = probe.current().getAccessToken();
    await vi.waitFor(() => expect(rotating.controls.requestCounts().token).toBe(2));
    sessionStorage.setItem(userKey(rotating), bob); // another tab's sign-in, its message not yet here
    await act(async () => {
      expect(await renewal).toBe(alice.access_token);
    });
    expect(sessionStorage.getItem(userKey(rotating))).toBe(bob);
    expect(rotating.controls.requestCounts().revoke).toBe(1);
  });

  it('a renewed ID token rejected under rotation ends the session and revokes the rotated refresh token it came with', async () => {
    const { probe } = await signedIn(rotating, { renewBeforeExpirySeconds: 7200 });
    rotating.controls.tamperNextIdToken({ claims: { aud: 'another-client' } });
    await act(() => expect(probe.current().getAccessToken()).rejects.toMatchObject({ code: 'token' }));
    expect(probe.current()).toMatchObject({
      status: 'unauthenticated',
      user: null,
      error: { code: 'token' },
    });
    expect(rotating.controls.requestCounts()).toMatchObject({ token: 2, revoke: 1 });
  });

  it('refresh-online: after an offline failure the renewal resumes as soon as the browser is back online', async () => {
    const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    pool.controls.failNext('token', 1, { drop: true });
    await renewNow(probe);
    expect(probe.current().error?.code).toBe('network');
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await vi.waitFor(() => expect(pool.controls.requestCounts().token).toBe(3));
    });
    await vi.waitFor(() => expect(probe.current().error).toBeNull());
    expect(probe.current().user?.accessToken).toBe(stored(pool)?.access_token);
  });

  it('refresh-invalid_grant: a revoked refresh token clears the session in every tab, one prompt each, no loop', async () => {
    const { page } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    page.unmount();
    // The tabs' timers (the scheduled renewal, a retry's back-off, the clock check) run on a fake clock from here.
    fakeClock();
    const sent = tokenRequestsSent(pool);
    const a = makeProbe('A:');
    const b = makeProbe('B:');
    renderApp(
      pool,
      <RequireAuth>
        <a.Probe />
      </RequireAuth>,
      { renewBeforeExpirySeconds: 7200 },
    );
    renderApp(
      pool,
      <RequireAuth>
        <b.Probe />
      </RequireAuth>,
      { storage: 'memory' },
    );
    await until(() => expect(screen.getByText('B:status:authenticated error:none')).toBeTruthy());
    pool.controls.revokeUserSessions('alice');
    await act(() =>
      expect(a.current().getAccessToken()).rejects.toMatchObject({ code: 'refresh', error: 'invalid_grant' }),
    );
    await until(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    // The tab that renewed and the one told by it say the same to the user.
    for (const alert of screen.getAllByRole('alert'))
      expect(alert.textContent).toContain('Session expired — sign in again.');
    expect(a.current()).toMatchObject({ status: 'unauthenticated', error: { code: 'refresh' } });
    expect(b.current()).toMatchObject({ status: 'unauthenticated', error: { code: 'refresh' } });
    expect(screen.getAllByRole('button', { name: 'Sign in again' })).toHaveLength(2);
    expect(stored(pool)).toBeNull();
    expect(redirectTo).not.toHaveBeenCalled();
    expect(sent()).toBe(1);
    expect(pool.controls.requestCounts().token).toBe(2); // the sign-in's, and the refused renewal
    // No loop: nothing more happens while the tabs stay open — past the longest back-off (60 s), the renewal
    // scheduled at the start (halfway, 30 min) and the tokens' expiry (1 h).
    await advance(2 * 3600);
    expect(sent()).toBe(1);
    expect(redirectTo).not.toHaveBeenCalled();
    expect(a.current()).toMatchObject({ status: 'unauthenticated', error: { code: 'refresh' } });
    expect(b.current()).toMatchObject({ status: 'unauthenticated', error: { code: 'refresh' } });
    expect(screen.getAllByRole('button', { name: 'Sign in again' })).toHaveLength(2);
  });

  it('refresh-junk-id_token: a renewal answered with an ID token that is not a JWT ends the session, saying to sign in again', async () => {
    const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    const body = { access_token: 'a.b.c', id_token: 'junk', expires_in: 3600, token_type: 'Bearer' };
    pool.controls.failNext('token', 1, { status: 200, body: JSON.stringify(body) });
    await act(() =>
      expect(probe.current().getAccessToken()).rejects.toMatchObject({
        code: 'token',
        message: 'The token endpoint answered without a valid ID token — sign in again.',
      }),
    );
    expect(probe.current()).toMatchObject({ status: 'unauthenticated', error: { code: 'token' } });
    expect(stored(pool)).toBeNull();
  });

  it('refresh-no-refresh_token: an answer without refresh_token keeps the old one', async () => {
    const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    const before = stored(pool);
    await renewNow(probe);
    expect(stored(pool)).toMatchObject({ refresh_token: before?.refresh_token });
    expect(stored(pool)?.access_token).not.toBe(before?.access_token);
    await renewNow(probe);
    expect(pool.controls.requestCounts().token).toBe(3);
  });

  it('refresh-rotation: a rotated refresh token replaces the old one (grace 0), which then no longer works', async () => {
    const { probe } = await signedIn(rotating, { renewBeforeExpirySeconds: 7200 });
    const first = stored(rotating)?.refresh_token;
    await renewNow(probe);
    const second = stored(rotating)?.refresh_token;
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    await renewNow(probe);
    expect(stored(rotating)?.refresh_token).not.toBe(second);
    expect(probe.current().status).toBe('authenticated');
    expect(await refreshGrant(rotating, first ?? '')).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('clock skew: the browser clock ±2 h off', () => {
  it.each([
    ['2 h behind', 7200],
    ['2 h ahead', -7200],
  ])(
    'clock-skew: a browser clock %s signs in and schedules from expires_in — no renewal before renewBeforeExpirySeconds before expiry, then one, no loop',
    async (_what, serverAhead) => {
      pool.controls.setClockOffsetSeconds(serverAhead);
      const callback = await startSignIn(pool);
      // From the callback on, this page's clock and timers are fake (the emulator keeps the real clock, plus the
      // offset), starting on a whole second: expires_at is in whole seconds.
      fakeClock();
      vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
      const signedInAt = Date.now();
      const sent = tokenRequestsSent(pool);
      const { probe, navigate } = await landOnCallback(pool, callback);
      await until(() => expect(navigate).toHaveBeenCalledWith('/reports', { replace: true }));
      expect(Date.now()).toBe(signedInAt);
      const user = probe.current().user;
      expect(probe.current().status).toBe('authenticated');
      expect(sent()).toBe(1); // the code exchange
      // expiresAt is on this browser's clock: an hour from now (expires_in), whatever the server's clock says
      expect((user?.expiresAt ?? 0) - signedInAt).toBe(3600_000);
      expect(user?.claims.iat ?? 0).toBeGreaterThan(Date.now() / 1000 + serverAhead - 60);
      expect(await act(() => probe.current().getAccessToken())).toBe(user?.accessToken); // not near expiry: no renewal
      // The renewal is due renewBeforeExpirySeconds (60 s by default) before expiry: not a millisecond earlier …
      const due = (user?.expiresAt ?? 0) - 60_000;
      await advance((due - 1 - Date.now()) / 1000);
      expect(sent()).toBe(1);
      expect(probe.current()).toMatchObject({ status: 'authenticated', error: null });
      expect(probe.current().user?.accessToken).toBe(user?.accessToken);
      // … then it happens, once, and the session carries on
      await advance(0.001);
      expect(sent()).toBe(2);
      await until(() => expect(probe.current().user?.accessToken).not.toBe(user?.accessToken));
      expect(probe.current()).toMatchObject({ status: 'authenticated', error: null });
      expect(pool.controls.requestCounts().token).toBe(2);
      // No loop: the next renewal is due an hour on, not sooner.
      await advance(3000);
      expect(sent()).toBe(2);
      expect(probe.current().status).toBe('authenticated');
    },
  );

  it('clock-skew: renewals under a 2 h skew are accepted too', async () => {
    pool.controls.setClockOffsetSeconds(-7200);
    const { probe } = await signedIn(pool, { renewBeforeExpirySeconds: 7200 });
    const before = probe.current().user?.accessToken;
    expect(await renewNow(probe)).not.toBe(before);
    expect(probe.current()).toMatchObject({ status: 'authenticated', error: null });
  });
});

describe('oversized tokens', () => {
  it('oversized-tokens: a user in 400 groups is signed in and stored whole', async () => {
    const { probe } = await signedIn(pool, {}, BIG);
    expect(probe.current().user?.groups).toHaveLength(400);
    expect(stored(pool)?.access_token.length).toBeGreaterThan(10_000);
    expect(probe.current().status).toBe('authenticated');
  });
});

describe('storage', () => {
  it('storage-default: tokens live in sessionStorage by default, never in localStorage', async () => {
    const { probe } = await signedIn(pool);
    const token = probe.current().user?.accessToken ?? '-';
    expect(stored(pool)?.access_token).toBe(token);
    expect(stored(pool, localStorage)).toBeNull();
    expect(Object.values({ ...localStorage }).join()).not.toContain(token);
  });

  it("storage-local: storage 'local' keeps the session in localStorage", async () => {
    const { probe } = await signedIn(pool, { storage: 'local' });
    const token = probe.current().user?.accessToken ?? '-';
    expect(stored(pool, localStorage)?.access_token).toBe(token);
    expect(stored(pool)).toBeNull();
  });

  it("storage-memory: storage 'memory' keeps tokens out of every Web Storage", async () => {
    const { probe } = await signedIn(pool, { storage: 'memory' });
    const token = probe.current().user?.accessToken ?? '-';
    expect(probe.current().status).toBe('authenticated');
    expect(token).not.toBe('-');
    expect(allStorage()).not.toContain(token);
    expect(allStorage()).not.toMatch(/oidc\.user:|refresh_token|access_token|id_token/);
  });
});
