import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CognitoProvider, useAuth } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import { capture, CONFIG, storeSession, stubCognito, tokenResponse } from './support/fakeCognito.js';

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
});
