import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { redirectTo } from '../../src/redirectTo.js';
import { useAuth } from '../../src/useAuth.js';
import {
  capture,
  CONFIG,
  renderTwoTabs,
  renderWithProvider,
  statusProbe,
  storeSession,
  stubCognito,
  tokenResponse,
} from './support/fakeCognito.js';
import { installWebLocks } from './support/webLocks.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

/** {@link renderTwoTabs} with a session stored in tab A (`access-1`); `renewBeforeExpirySeconds` is A's. */
async function twoTabs(renewBeforeExpirySeconds = 60) {
  await storeSession({ accessToken: 'access-1' });
  return renderTwoTabs({ a: renewBeforeExpirySeconds });
}

/** The tabs' channel, as another tab of the app (one that has not started) would open it. */
const CHANNEL = `react-cognito-sso:${CONFIG.clientId}`;

/** A `useAuth()` probe that renders `{tab}:{status}`. */
const namedProbe = (tab: string) => capture(useAuth, (auth) => <p>{`${tab}:${auth.status}`}</p>);

/**
 * Lets BroadcastChannel messages travel — real event-loop turns, while a faked `setTimeout` stands still — until
 * `done()` or 50 turns.
 */
async function messageTurns(done: () => boolean = () => false): Promise<void> {
  for (let turn = 0; turn < 50 && !done(); turn += 1)
    await act(() => new Promise<void>((resolve) => setImmediate(resolve)));
}

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

  describe('a tab without a session', () => {
    const { Probe } = statusProbe();

    it('is signed out at once when no other tab runs the app: it leads under the Web Lock, so no peer can answer', async () => {
      stubCognito();
      installWebLocks();
      vi.useFakeTimers();
      renderWithProvider(<Probe />);
      expect(screen.getByText('loading')).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(1)); // the lock's yield; the peers are given 150 ms
      expect(screen.getByText('unauthenticated')).toBeTruthy();
    });

    it('waits for its peers while another tab leads', async () => {
      stubCognito();
      installWebLocks();
      void navigator.locks.request(
        `react-cognito-sso:${CONFIG.clientId}:leader`,
        () => new Promise(() => undefined),
      );
      vi.useFakeTimers();
      renderWithProvider(<Probe />);
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(screen.getByText('loading')).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(screen.getByText('unauthenticated')).toBeTruthy();
    });

    it('is signed out as soon as a signed-out tab answers, without waiting out the peers', async () => {
      stubCognito();
      const [a, b] = [namedProbe('A'), namedProbe('B')];
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      renderWithProvider(<a.Probe />);
      await act(() => vi.advanceTimersByTimeAsync(150)); // tab A: no peer answered
      expect(screen.getByText('A:unauthenticated')).toBeTruthy();

      renderWithProvider(<b.Probe />, { storage: 'memory' });
      expect(screen.getByText('B:loading')).toBeTruthy();
      await messageTurns(() => !screen.queryByText('B:loading'));
      expect(screen.getByText('B:unauthenticated')).toBeTruthy(); // with the faked clock still at 150 ms
    });

    it('does not answer while it is still asking itself', async () => {
      stubCognito();
      const [a, b] = [namedProbe('A'), namedProbe('B')];
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      renderWithProvider(<a.Probe />);
      renderWithProvider(<b.Probe />, { storage: 'memory' });
      await messageTurns();
      expect(screen.getByText('A:loading')).toBeTruthy();
      expect(screen.getByText('B:loading')).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(150));
      expect(screen.getByText('A:unauthenticated')).toBeTruthy();
      expect(screen.getByText('B:unauthenticated')).toBeTruthy();
    });
  });

  it("keeps a session when another tab's answer says it has none (an answer that crossed a sign-in)", async () => {
    stubCognito();
    await storeSession({ accessToken: 'access-1' });
    const { Probe } = statusProbe();
    renderWithProvider(<Probe />);
    const peer = new BroadcastChannel(CHANNEL);
    try {
      const answers: unknown[] = [];
      peer.onmessage = ({ data }: MessageEvent) => answers.push(data);
      peer.postMessage('none');
      peer.postMessage('ask'); // answered after 'none' is handled: the two travel in order
      await messageTurns(() => answers.length > 0);
      expect(String(answers[0])).toContain('"access_token":"access-1"');
      expect(screen.getByText('authenticated')).toBeTruthy();
    } finally {
      peer.close();
    }
  });
});
