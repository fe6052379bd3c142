import { act, screen } from '@testing-library/react';
import { User } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { redirectTo } from '../../src/redirectTo.js';
import {
  json,
  renderTabs,
  renderWithProvider,
  statusProbe,
  storeSession,
  stubCognito,
  SYNC_NAME,
  tabProbe,
  tokenResponse,
  USER_KEY,
  peerTab,
} from './support/fakeCognito.js';
import { gate, realMacrotask, until } from './support/fakeTime.js';
import { installWebLocks } from './support/webLocks.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

/** Two {@link renderTabs} with a session stored in tab A (`access-1`); `renewBeforeExpirySeconds` is A's. */
async function twoTabs(renewBeforeExpirySeconds = 60) {
  await storeSession({ accessToken: 'access-1' });
  const [a, b] = renderTabs([renewBeforeExpirySeconds, 60]);
  return { a, b };
}

/** Real macrotasks that let the tabs' messages travel several times over, while a faked `setTimeout` stands still. */
const MESSAGE_TURNS = 20;

describe('tab sync', () => {
  it('signs a new tab in from a peer, without a request to Cognito', async () => {
    const cognito = stubCognito();
    await twoTabs();
    expect(screen.getByText('A:authenticated:access-1')).toBeTruthy();
    await screen.findByText('B:authenticated:access-1');
    expect(cognito.seen).toEqual([]);
  });

  it('hands a renewal in one tab to the other', async () => {
    const cognito = stubCognito({
      onToken: () => tokenResponse(),
    });
    const { a } = await twoTabs(7200); // tab A renews on every getAccessToken()
    await screen.findByText('B:authenticated:access-1');
    await act(async () => {
      expect(await a.current().getAccessToken()).toBe('access-2');
    });
    await screen.findByText('B:authenticated:access-2');
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });

  it('signs every tab out when one signs out', async () => {
    stubCognito({ onRevoke: () => new Response('', { status: 200 }) });
    const { a } = await twoTabs();
    await screen.findByText('B:authenticated:access-1');
    await act(() => a.current().signOut());
    await screen.findByText('A:unauthenticated:-');
    await screen.findByText('B:unauthenticated:-');
    expect(redirectTo).toHaveBeenCalledOnce();
  });

  it("hands a token asked for while a new tab is still loading once another tab's session arrives", async () => {
    stubCognito();
    const { b } = await twoTabs();
    expect(screen.getByText('B:loading:-')).toBeTruthy();
    await act(async () => {
      expect(await b.current().getAccessToken()).toBe('access-1');
    });
  });

  /**
   * Tab A (alice, `access-1`) renewing on demand, its token answer (`access-2`, `refresh-2`) held back until
   * `answer()`; once the token request is out, a raw peer channel to send what another tab did meanwhile. Records the
   * refresh tokens revoked.
   */
  async function renewingTab(
    reply: () => Promise<Response> = () =>
      tokenResponse({ access_token: 'access-2', refresh_token: 'refresh-2' }),
  ) {
    await storeSession({ accessToken: 'access-1' });
    const { release: answer, released: answered } = gate();
    const revoked: (string | null)[] = [];
    const cognito = stubCognito({
      onToken: () => answered.then(reply),
      onRevoke: (body) => (revoked.push(body.get('token')), new Response('', { status: 200 })),
    });
    const a = tabProbe('A');
    renderWithProvider(<a.Probe />, { renewBeforeExpirySeconds: 7200 }); // every getAccessToken() renews
    const renewal = a.current().getAccessToken();
    await until(() => expect(cognito.to('/oauth2/token')).toHaveLength(1));
    const { peer } = peerTab();
    return { peer, answer, renewal, revoked };
  }

  it('drops and revokes a renewal that ends after another tab signed in as someone else', async () => {
    await storeSession({
      accessToken: 'access-bob',
      refreshToken: 'refresh-bob',
      claims: { sub: 'sub-bob', 'cognito:username': 'bob' },
    });
    const bob = sessionStorage.getItem(USER_KEY) ?? '';
    const { peer, answer, renewal, revoked } = await renewingTab();
    peer.postMessage(bob); // bob signed in in another tab
    await until(() => screen.getByText('A:authenticated:access-bob'));
    answer();
    await act(async () => {
      expect(await renewal).toBe('access-bob');
    });
    expect(screen.getByText('A:authenticated:access-bob')).toBeTruthy();
    expect(sessionStorage.getItem(USER_KEY)).toContain('"refresh_token":"refresh-bob"');
    expect(revoked).toEqual(['refresh-2']);
  });

  it('revokes the tokens of a renewal that ends after another tab signed out, and stays signed out', async () => {
    const { peer, answer, renewal, revoked } = await renewingTab();
    peer.postMessage(null); // signed out in another tab (no Web Locks here: it did not wait for this renewal)
    await until(() => screen.getByText('A:unauthenticated:-'));
    answer();
    await act(() => expect(renewal).rejects.toMatchObject({ code: 'session' }));
    expect(screen.getByText('A:unauthenticated:-')).toBeTruthy();
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
    expect(revoked).toEqual(['refresh-2']);
  });

  it('keeps the tokens of a same-user renewal in another tab, dropping its own without revoking the shared family', async () => {
    const { peer, answer, renewal, revoked } = await renewingTab();
    const alice = JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}') as Record<string, unknown>;
    // Another tab renewed at the same time (no Web Locks here) and rotated the refresh token.
    peer.postMessage(
      JSON.stringify({ ...alice, access_token: 'access-3', refresh_token: 'refresh-3', expires_at: 2e9 }),
    );
    await until(() => screen.getByText('A:authenticated:access-3'));
    answer();
    await act(async () => {
      expect(await renewal).toBe('access-3');
    });
    expect(sessionStorage.getItem(USER_KEY)).toContain('"refresh_token":"refresh-3"');
    expect(revoked).toEqual([]);
  });

  it('keeps the session when its renewal fails after another tab renewed meanwhile (that tab spent the refresh token)', async () => {
    const { peer, answer, renewal } = await renewingTab(async () => json({ error: 'invalid_grant' }, 400));
    const alice = JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}') as Record<string, unknown>;
    peer.postMessage(
      JSON.stringify({ ...alice, access_token: 'access-3', refresh_token: 'refresh-3', expires_at: 2e9 }),
    );
    await until(() => screen.getByText('A:authenticated:access-3'));
    answer(); // invalid_grant: the refresh token this tab sent was rotated by the other
    await act(async () => {
      expect(await renewal).toBe('access-3');
    });
    expect(screen.getByText('A:authenticated:access-3')).toBeTruthy();
    expect(sessionStorage.getItem(USER_KEY)).toContain('"refresh_token":"refresh-3"');
  });

  it("ignores another tab's older session of the same user (a message that crossed a renewal)", async () => {
    stubCognito();
    await storeSession({ accessToken: 'access-1' });
    const alice = JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}') as { expires_at: number };
    const a = tabProbe('A');
    renderWithProvider(<a.Probe />);
    const { peer, answers } = peerTab();
    peer.postMessage(
      JSON.stringify({ ...alice, access_token: 'access-0', expires_at: alice.expires_at - 60 }),
    );
    peer.postMessage('ask'); // answered after the message above is handled
    await until(() => expect(answers).toHaveLength(1));
    expect(String(answers[0])).toContain('"access_token":"access-1"');
    expect(screen.getByText('A:authenticated:access-1')).toBeTruthy();
    expect(sessionStorage.getItem(USER_KEY)).toContain('"access_token":"access-1"');
  });

  describe('a tab without a session', () => {
    const { Probe } = statusProbe();

    it('settles a token asked for after its provider stopped while loading, after the peer wait', async () => {
      stubCognito();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const probe = statusProbe('A');
      const page = renderWithProvider(<probe.Probe />);
      const { getAccessToken } = probe.current();
      page.unmount(); // the provider's cleanup clears its own peer wait
      let outcome: unknown = 'pending';
      void getAccessToken().catch((error: unknown) => (outcome = error));
      await act(() => vi.advanceTimersByTimeAsync(150));
      expect(outcome).toMatchObject({ code: 'session' });
    });

    it('rejects a token asked for while loading once it knows no tab has a session', async () => {
      stubCognito();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const probe = statusProbe('A');
      renderWithProvider(<probe.Probe />);
      expect(screen.getByText('A:loading')).toBeTruthy();
      let outcome: unknown = 'pending';
      void probe
        .current()
        .getAccessToken()
        .catch((error: unknown) => (outcome = error));
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(outcome).toBe('pending'); // another tab may still send a session
      await act(() => vi.advanceTimersByTimeAsync(50));
      expect(outcome).toMatchObject({ code: 'session' });
    });

    it('is signed out at once when no other tab runs the app: it leads under the Web Lock, so no peer can answer', async () => {
      stubCognito();
      installWebLocks();
      vi.useFakeTimers();
      renderWithProvider(<Probe />);
      expect(screen.getByText('loading')).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(1)); // the lock's yield; the peers are given 150 ms
      expect(screen.getByText('unauthenticated')).toBeTruthy();
    });

    it('is signed out at once in a browser without BroadcastChannel (no peer to ask), and can still sign in', async () => {
      vi.stubGlobal('BroadcastChannel', undefined);
      stubCognito();
      const probe = statusProbe();
      renderWithProvider(<probe.Probe />);
      expect(screen.getByText('unauthenticated')).toBeTruthy();
      await act(() => probe.current().signIn());
      expect(redirectTo).toHaveBeenCalledOnce();
    });

    it('waits for its peers while another tab leads', async () => {
      stubCognito();
      installWebLocks();
      void navigator.locks.request(`${SYNC_NAME}:leader`, () => new Promise(() => undefined));
      vi.useFakeTimers();
      renderWithProvider(<Probe />);
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(screen.getByText('loading')).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(screen.getByText('unauthenticated')).toBeTruthy();
    });

    it('is signed out as soon as a signed-out tab answers, without waiting out the peers', async () => {
      stubCognito();
      const [a, b] = [statusProbe('A'), statusProbe('B')];
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      renderWithProvider(<a.Probe />);
      await act(() => vi.advanceTimersByTimeAsync(150)); // tab A: no peer answered
      expect(screen.getByText('A:unauthenticated')).toBeTruthy();

      renderWithProvider(<b.Probe />);
      expect(screen.getByText('B:loading')).toBeTruthy();
      await until(() => screen.getByText('B:unauthenticated')); // with the faked clock still at 150 ms
    });

    it('is told by a tab opened with it once that one leads, without waiting out the peers', async () => {
      stubCognito();
      installWebLocks();
      const [a, b] = [statusProbe('A'), statusProbe('B')];
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      renderWithProvider(<a.Probe />);
      renderWithProvider(<b.Probe />); // asks while A is still asking too
      await act(() => vi.advanceTimersByTimeAsync(1)); // A leads; B waits for the lock
      expect(screen.getByText('A:unauthenticated')).toBeTruthy();
      await until(() => screen.getByText('B:unauthenticated')); // with the faked clock still at 1 ms
    });

    it("posts nothing but its 'ask' when no tab asked it meanwhile, once it settles as signed out", async () => {
      stubCognito();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { answers } = peerTab();
      renderWithProvider(<Probe />);
      await act(() => vi.advanceTimersByTimeAsync(150));
      expect(screen.getByText('unauthenticated')).toBeTruthy();
      for (let turn = 0; turn < MESSAGE_TURNS; turn += 1) await realMacrotask();
      expect(answers.filter((message) => message !== 'ask')).toEqual([]); // (asked once per start: twice in StrictMode)
      expect(answers).toContain('ask');
    });

    it('does not answer while it is still asking itself', async () => {
      stubCognito();
      const [a, b] = [statusProbe('A'), statusProbe('B')];
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      renderWithProvider(<a.Probe />);
      renderWithProvider(<b.Probe />);
      for (let turn = 0; turn < MESSAGE_TURNS; turn += 1) await realMacrotask();
      expect(screen.getByText('A:loading')).toBeTruthy();
      expect(screen.getByText('B:loading')).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(150));
      expect(screen.getByText('A:unauthenticated')).toBeTruthy();
      expect(screen.getByText('B:unauthenticated')).toBeTruthy();
    });
  });

  describe('a new tab, and what the other tabs send it', () => {
    /**
     * A tab still asking (no stored session, the peer wait faked), a session to send it (serialised as tabs send it,
     * so the tab does not pass it on), a raw peer channel with the messages it received, and the tab's `useAuth()`.
     */
    async function askingTab() {
      stubCognito();
      await storeSession({ accessToken: 'access-9' });
      const session = User.fromStorageString(sessionStorage.getItem(USER_KEY) ?? '').toStorageString();
      sessionStorage.clear();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const probe = statusProbe();
      renderWithProvider(<probe.Probe />);
      expect(screen.getByText('loading')).toBeTruthy();
      const { peer, answers } = peerTab();
      return { peer, session, answers, auth: probe.current };
    }

    it('hands a token asked for meanwhile as soon as a session arrives, before the peer wait ends', async () => {
      const { peer, session, auth } = await askingTab();
      let token: unknown = 'pending';
      void auth()
        .getAccessToken()
        .then((value) => (token = value));
      peer.postMessage(session);
      await until(() => expect(token).toBe('access-9')); // with the faked clock still at 0 ms
    });

    it("tells a tab that asked while it was loading 'none' once, and not again when a later session ends", async () => {
      const { peer, session, answers } = await askingTab();
      peer.postMessage('ask');
      peer.postMessage('none');
      await until(() => expect(answers).toEqual(['none']));
      peer.postMessage(session);
      await until(() => screen.getByText('authenticated'));
      peer.postMessage(null);
      await until(() => screen.getByText('unauthenticated'));
      peer.postMessage('ask');
      for (let turn = 0; turn < MESSAGE_TURNS; turn += 1) await realMacrotask();
      expect(answers).toEqual(['none', 'none']); // the second, the answer to that 'ask'
    });

    it("a session after a 'none' signs the tab in", async () => {
      const { peer, session } = await askingTab();
      peer.postMessage('none');
      await until(() => screen.getByText('unauthenticated'));
      peer.postMessage(session);
      await until(() => screen.getByText('authenticated'));
    });

    it("a 'none' after a session ends nothing", async () => {
      const { peer, session, answers } = await askingTab();
      peer.postMessage(session);
      peer.postMessage('none');
      peer.postMessage('ask'); // answered after the two above are handled: one sender's messages arrive in order
      await until(() => expect(answers).toHaveLength(1));
      expect(String(answers[0])).toContain('"access_token":"access-9"');
      expect(screen.getByText('authenticated')).toBeTruthy();
    });

    it("a message it does not know (a later version's, an error code without its '!' or not a code, or a session it cannot use) ends nothing", async () => {
      const { peer, session, answers } = await askingTab();
      peer.postMessage(session);
      // (Node's BroadcastChannel delivers `undefined` as null, so it is not among them.)
      const notSessions = ['{}', '{"profile":null}', '{"access_token":"a","profile":{}}', '{not JSON'];
      const notCodes = ['!', '!hello', '!<img src=x onerror=alert(1)>', '!refresh ', '!toString', '?refresh'];
      for (const message of ['refresh', 'session', 'hello', '', 42, {}, ['!'], ...notCodes, ...notSessions])
        peer.postMessage(message);
      peer.postMessage('ask');
      await until(() => expect(answers).toHaveLength(1));
      expect(String(answers[0])).toContain('"access_token":"access-9"');
      expect(screen.getByText('authenticated')).toBeTruthy();
    });

    it.each([
      ['!refresh', 'refresh', 'Session expired — sign in again.'],
      [null, 'session', 'Signed out in another tab.'],
    ])(
      '%j ends its session with code %s and says why, and is not passed on',
      async (message, code, reason) => {
        const { peer, session, answers, auth } = await askingTab();
        peer.postMessage(session);
        peer.postMessage(message);
        peer.postMessage('ask');
        await until(() => expect(answers).toEqual(['none'])); // no echo before the answer
        expect(auth()).toMatchObject({ status: 'unauthenticated', error: { code, message: reason } });
      },
    );
  });
});
