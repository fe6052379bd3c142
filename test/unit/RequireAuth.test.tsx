import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SESSION_EXPIRED } from '../../src/AuthError.js';
import { RequireAuth } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import {
  CONFIG,
  debugLines,
  DOMAIN,
  ISSUER,
  json,
  renderWithProvider,
  statusProbe,
  storeSession,
  stubCognito,
  tokenResponse,
} from './support/fakeCognito.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

/**
 * Renders `ui` in the provider with `debug` on and returns the sign-ins started so far (see {@link debugLines}): once
 * `render` returns (the guard's effects have run inside its `act`) a guard that started a sign-in shows here — while
 * its redirect, which waits on WebCrypto, would only come later (and, unchecked, land in the next test).
 */
function renderLogged(ui: ReactNode): () => unknown[][] {
  const signIns = debugLines('sign-in:');
  renderWithProvider(ui, { debug: true });
  return signIns;
}

describe('<RequireAuth>', () => {
  it('signs a signed-out visitor in once, remembering the current path, search and hash, in place of this page in the history (Back from the hosted UI would bounce here)', async () => {
    window.history.replaceState(null, '', '/reports?id=7#top');
    stubCognito();
    renderWithProvider(
      <RequireAuth>
        <p>secret</p>
      </RequireAuth>,
    );
    expect(screen.getByRole('status')).toBeTruthy();
    await waitFor(() => expect(redirectTo).toHaveBeenCalledOnce());
    const authorize = new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${DOMAIN}/oauth2/authorize`);
    const state = JSON.parse(
      sessionStorage.getItem(`oidc.${authorize.searchParams.get('state') ?? ''}`) ?? '{}',
    ) as unknown;
    expect(state).toMatchObject({ data: { returnTo: '/reports?id=7#top' } });
    expect(vi.mocked(redirectTo).mock.calls[0]?.[1]).toEqual({ replace: true });
    expect(screen.queryByText('secret')).toBeNull();
  });

  it('shows a failed sign-in start (discovery unreachable) with a way to retry, not a blank page', async () => {
    const cognito = stubCognito();
    renderWithProvider(
      <RequireAuth>
        <p>secret</p>
      </RequireAuth>,
      {},
      { userPoolId: CONFIG.userPoolId, clientId: CONFIG.clientId },
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/openid-configuration/);
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
    expect(cognito.seen.map((r) => r.url)).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('renders the failure with renderError, whose retry starts a sign-in again', async () => {
    const cognito = stubCognito();
    renderWithProvider(
      <RequireAuth renderError={(error, retry) => <button onClick={retry}>{error.code}: try again</button>}>
        <p>secret</p>
      </RequireAuth>,
      {},
      { userPoolId: CONFIG.userPoolId, clientId: CONFIG.clientId },
    );
    const retry = await screen.findByRole('button', { name: 'config: try again' });
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(retry);
    await waitFor(() => expect(cognito.seen).toHaveLength(2)); // the discovery request, once more
    expect(screen.queryByText('secret')).toBeNull();
  });

  it('renders the children for a signed-in user, without signing in', async () => {
    await storeSession();
    stubCognito();
    const signIns = renderLogged(
      <RequireAuth>
        <p>secret</p>
      </RequireAuth>,
    );
    expect(screen.getByText('secret')).toBeTruthy();
    expect(signIns()).toEqual([]);
  });

  it('renders the children for a member of one of the groups, without signing in', async () => {
    await storeSession({ claims: { 'cognito:groups': ['editors'] } });
    stubCognito();
    const signIns = renderLogged(
      <RequireAuth groups={['admin', 'editors']}>
        <p>secret</p>
      </RequireAuth>,
    );
    expect(screen.getByText('secret')).toBeTruthy();
    expect(signIns()).toEqual([]);
  });

  it('shows the default "not authorised" alert to a user outside the groups, without signing in again', async () => {
    await storeSession({ claims: { 'cognito:groups': ['editors'] } });
    stubCognito();
    const signIns = renderLogged(
      <RequireAuth groups={['admin']}>
        <p>secret</p>
      </RequireAuth>,
    );
    expect(screen.getByRole('alert').textContent).toBe('You are not authorised to view this page.');
    expect(screen.queryByText('secret')).toBeNull();
    expect(signIns()).toEqual([]);
  });

  it.each([
    ['missing (a user without any group)', undefined],
    ['a string (damaged storage)', 'not-an-admin'],
    ['a number (damaged storage)', 7],
    ['an object (damaged storage)', { admin: true }],
  ])(
    'shows a custom fallback, without crashing, to a user whose cognito:groups is %s',
    async (_kind, groups) => {
      await storeSession({ claims: { 'cognito:groups': groups } });
      stubCognito();
      const signIns = renderLogged(
        <RequireAuth groups={['admin']} fallback={<p>ask an admin</p>}>
          <p>secret</p>
        </RequireAuth>,
      );
      expect(screen.getByText('ask an admin')).toBeTruthy();
      expect(screen.queryByText('secret')).toBeNull();
      expect(signIns()).toEqual([]);
    },
  );

  it('renews an expired access token with the refresh token instead of sending the user to Cognito', async () => {
    await storeSession({ expiresIn: -60, refreshToken: 'refresh-1' });
    const cognito = stubCognito({
      onToken: () => tokenResponse(),
    });
    const signIns = renderLogged(
      <RequireAuth>
        <p>secret</p>
      </RequireAuth>,
    );
    expect(signIns()).toEqual([]);
    await waitFor(() => expect(cognito.to('/oauth2/token')).toHaveLength(1));
    expect(cognito.to('/oauth2/token')[0]?.body.get('grant_type')).toBe('refresh_token');
    expect(screen.getByText('secret')).toBeTruthy();
    expect(signIns()).toEqual([]);
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('shows a guard mounted after the session ended (refresh token revoked: invalid_grant) the reason and "Sign in again", instead of sending the user to the hosted UI', async () => {
    await storeSession({ expiresIn: -60, refreshToken: 'refresh-revoked' });
    const cognito = stubCognito({ onToken: () => json({ error: 'invalid_grant' }, 400) });
    const { Probe, current: auth } = statusProbe();
    const later = { show: (): void => undefined };
    function Later({ children }: { children: ReactNode }) {
      const [shown, setShown] = useState(false);
      later.show = () => setShown(true);
      return shown ? children : null;
    }
    const signIns = renderLogged(
      <>
        <Probe />
        <Later>
          <RequireAuth>
            <p>secret</p>
          </RequireAuth>
        </Later>
      </>,
    );
    // The expired access token is renewed at once; Cognito refuses the refresh token and the session ends.
    await waitFor(() =>
      expect(auth()).toMatchObject({ status: 'unauthenticated', error: { code: 'refresh' } }),
    );
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
    act(() => later.show()); // e.g. the user navigates to a guarded route
    expect(signIns()).toEqual([]); // the guard's effects have run: no sign-in started by itself
    // an ended session, not a failed sign-in: the message alone, without the "Sign-in failed: " prefix
    expect(screen.getByText(SESSION_EXPIRED).closest('[role="alert"]')).toBeTruthy();
    expect(screen.queryByText('secret')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(signIns()).toHaveLength(1); // the prompt's button does start one
    await waitFor(() => expect(redirectTo).toHaveBeenCalledOnce());
    expect(vi.mocked(redirectTo).mock.calls[0]?.[0]).toContain(`${DOMAIN}/oauth2/authorize?`);
  });
});
