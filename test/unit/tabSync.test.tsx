import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CognitoProvider, useAuth } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import {
  capture,
  CONFIG,
  renderWithProvider,
  storeSession,
  stubCognito,
  tokenResponse,
} from './support/fakeCognito.js';
import { installWebLocks } from './support/webLocks.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

/**
 * Two "tabs" in one document: tab A keeps its session in sessionStorage, tab B in memory, so they share
 * nothing but the BroadcastChannel.
 */
async function twoTabs(renewBeforeExpirySeconds = 60) {
  await storeSession({ accessToken: 'access-1' });
  const a = capture(useAuth, (auth) => (
    <p>
      A:{auth.status}:{auth.user?.accessToken ?? '-'}
    </p>
  ));
  const b = capture(useAuth, (auth) => (
    <p>
      B:{auth.status}:{auth.user?.accessToken ?? '-'}
    </p>
  ));
  render(
    <StrictMode>
      <CognitoProvider {...CONFIG} renewBeforeExpirySeconds={renewBeforeExpirySeconds}>
        <a.Probe />
      </CognitoProvider>
      <CognitoProvider {...CONFIG} storage="memory">
        <b.Probe />
      </CognitoProvider>
    </StrictMode>,
  );
  return { a, b };
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
    function Status() {
      return <p>{useAuth().status}</p>;
    }

    it('is signed out at once when no other tab runs the app: it leads under the Web Lock, so no peer can answer', async () => {
      stubCognito();
      installWebLocks();
      vi.useFakeTimers();
      renderWithProvider(<Status />);
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
      renderWithProvider(<Status />);
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(screen.getByText('loading')).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(screen.getByText('unauthenticated')).toBeTruthy();
    });
  });
});
