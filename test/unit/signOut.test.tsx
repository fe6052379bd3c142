import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { redirectTo } from '../../src/redirectTo.js';
import {
  APP,
  CONFIG,
  DOMAIN,
  ISSUER,
  json,
  renderWithProvider,
  statusProbe,
  storeSession,
  stubCognito,
  tokenResponse,
  USER_KEY,
} from './support/fakeCognito.js';
import { gate, realMacrotask } from './support/fakeTime.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const { Probe, current: auth } = statusProbe();

describe('signOut()', () => {
  it("revokes the refresh token, clears the session and goes to Cognito's /logout", async () => {
    await storeSession({ refreshToken: 'refresh-to-revoke' });
    const cognito = stubCognito({ onRevoke: () => new Response('', { status: 200 }) });
    renderWithProvider(<Probe />);
    await act(() => auth().signOut());
    const [revoke, ...more] = cognito.to('/oauth2/revoke');
    expect(more).toEqual([]);
    expect(revoke?.method).toBe('POST');
    expect(Object.fromEntries(revoke?.body ?? [])).toEqual({
      token: 'refresh-to-revoke',
      token_type_hint: 'refresh_token',
      client_id: CONFIG.clientId,
    });
    expect(revoke?.headers.has('Authorization')).toBe(false);
    expect(redirectTo).toHaveBeenCalledExactlyOnceWith(
      `${DOMAIN}/logout?client_id=${CONFIG.clientId}&logout_uri=${encodeURIComponent(`${APP}/`)}`,
    );
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
    expect(screen.getByText('unauthenticated')).toBeTruthy();
  });

  it('sign-out-during-renewal: waits for a renewal in flight, revokes the refresh token it brought, and its answer does not sign the user back in', async () => {
    await storeSession({ expiresIn: 30, refreshToken: 'refresh-1' });
    const { release: answer, released: answered } = gate();
    const cognito = stubCognito({
      onToken: async () => {
        await answered;
        return tokenResponse({ refresh_token: 'refresh-2' });
      },
      onRevoke: () => new Response('', { status: 200 }),
    });
    renderWithProvider(<Probe />);
    await screen.findByText('authenticated');
    const renewal = auth().getAccessToken();
    await vi.waitFor(() => expect(cognito.to('/oauth2/token')).toHaveLength(1));
    let signedOut = false;
    const signOut = auth()
      .signOut()
      .finally(() => (signedOut = true));
    // A defined point, not a sleep: a real macrotask runs only once every pending promise callback has. A sign-out
    // that did not wait for the renewal would have sent its revoke by now (its way to fetch is promises only).
    await realMacrotask();
    expect(cognito.to('/oauth2/revoke')).toEqual([]);
    expect(signedOut).toBe(false);
    expect(auth().status).toBe('authenticated');
    answer();
    await act(async () => {
      await renewal;
      await signOut;
    });
    expect(cognito.to('/oauth2/revoke').map((r) => r.body.get('token'))).toEqual(['refresh-2']);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
    expect(auth().status).toBe('unauthenticated');
    expect(redirectTo).toHaveBeenCalledOnce();
  });

  it.each([
    [
      'publishes no end_session_endpoint',
      { discovery: { issuer: ISSUER } },
      'signout',
      /no end_session_endpoint/,
    ],
    ['cannot be read', {}, 'config', /^discovery: .* failed/],
  ] as const)(
    'reports a logout URL it cannot find (the discovery document %s) as the session error (status error), once the session is cleared',
    async (_, handlers, code, message) => {
      await storeSession();
      stubCognito(handlers);
      renderWithProvider(<Probe />, {}, { userPoolId: CONFIG.userPoolId, clientId: CONFIG.clientId });
      await act(() =>
        expect(auth().signOut()).rejects.toMatchObject({ code, message: expect.stringMatching(message) }),
      );
      expect(auth()).toMatchObject({ status: 'error', user: null, error: { code } });
      expect(sessionStorage.getItem(USER_KEY)).toBeNull();
      expect(redirectTo).not.toHaveBeenCalled();
    },
  );

  it('still signs out locally and at Cognito when the revoke request fails', async () => {
    await storeSession();
    stubCognito({ onRevoke: () => json({ error: 'server_error' }, 500) });
    renderWithProvider(<Probe />, { postLogoutRedirectUri: `${APP}/bye` });
    await act(() => auth().signOut());
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
    expect(vi.mocked(redirectTo).mock.calls[0]?.[0]).toBe(
      `${DOMAIN}/logout?client_id=${CONFIG.clientId}&logout_uri=${encodeURIComponent(`${APP}/bye`)}`,
    );
  });

  it("goes to Cognito's /logout also when already signed out in this tab (e.g. its session ended), with no revoke request", async () => {
    const cognito = stubCognito();
    renderWithProvider(<Probe />);
    await screen.findByText('unauthenticated');
    await act(() => auth().signOut());
    expect(cognito.seen).toEqual([]);
    expect(redirectTo).toHaveBeenCalledExactlyOnceWith(
      `${DOMAIN}/logout?client_id=${CONFIG.clientId}&logout_uri=${encodeURIComponent(`${APP}/`)}`,
    );
    expect(auth()).toMatchObject({ status: 'unauthenticated', error: null });
  });

  it("revokes the stored session's refresh token, newer than this tab's copy (another tab's renewal, its message not here yet)", async () => {
    await storeSession({ refreshToken: 'refresh-1' });
    const cognito = stubCognito({ onRevoke: () => new Response('', { status: 200 }) });
    renderWithProvider(<Probe />);
    await screen.findByText('authenticated');
    const stored = JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}') as Record<string, unknown>;
    sessionStorage.setItem(
      USER_KEY,
      JSON.stringify({ ...stored, access_token: 'access-2', refresh_token: 'refresh-2' }),
    );
    await act(() => auth().signOut());
    expect(cognito.to('/oauth2/revoke').map((r) => r.body.get('token'))).toEqual(['refresh-2']);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
    expect(redirectTo).toHaveBeenCalledOnce();
  });
});
