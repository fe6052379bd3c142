import { act, render, screen, waitFor } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { ReactOidcContextBridge } from 'react-cognito-sso/react-oidc-context';
import { createMockUser, MockCognitoProvider } from 'react-cognito-sso/testing';
import { useAuth as useOidcAuth } from 'react-oidc-context';
import { describe, expect, it, vi } from 'vitest';
import { AuthCallback, useAuth } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import {
  APP,
  capture,
  CONFIG,
  DOMAIN,
  ISSUER,
  json,
  renderWithProvider,
  storeSession,
  stubCognito,
  tokenResponse,
  USER_KEY,
  peerTab,
} from './support/fakeCognito.js';
import { advance, fakeClock, gate } from './support/fakeTime.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

/**
 * Renders a react-oidc-context consumer (and `beside` it) under the bridge; the result is a function returning its
 * latest `useAuth()` value, with the render's `unmount`.
 */
function renderLegacy(beside?: ReactNode) {
  const legacy = capture(useOidcAuth, (oidc) => (
    <p>{oidc.isAuthenticated ? `in:${String(oidc.user?.profile.email)}` : 'out'}</p>
  ));
  const { unmount } = renderWithProvider(
    <ReactOidcContextBridge>
      {beside}
      <legacy.Probe />
    </ReactOidcContextBridge>,
  );
  return Object.assign(() => legacy.current(), { unmount });
}

describe('<ReactOidcContextBridge>', () => {
  it("shows the session's user to react-oidc-context's useAuth(), with tokens but no refresh token", async () => {
    await storeSession({ refreshToken: 'refresh-secret' });
    stubCognito();
    const oidc = renderLegacy();
    await screen.findByText('in:alice@example.com');
    expect(oidc().user).toMatchObject({ access_token: 'access-1', token_type: 'Bearer' });
    expect(oidc().user?.id_token).toMatch(/^eyJ/);
    expect(oidc().user?.refresh_token).toBeUndefined();
  });

  it("signinRedirect() is the session's sign-in: a redirect to the hosted UI with PKCE", async () => {
    stubCognito();
    const oidc = renderLegacy();
    await screen.findByText('out');
    await act(() => oidc().signinRedirect());
    const authorize = new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${DOMAIN}/oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('client_id')).toBe(CONFIG.clientId);
    expect(vi.mocked(redirectTo).mock.calls[0]?.[1]).not.toMatchObject({ replace: true });
  });

  it("maps signinRedirect({ redirectMethod: 'replace' }) to a sign-in in place of the current page", async () => {
    stubCognito();
    const oidc = renderLegacy();
    await screen.findByText('out');
    await act(() => oidc().signinRedirect({ redirectMethod: 'replace' }));
    expect(vi.mocked(redirectTo).mock.calls[0]?.[1]).toEqual({ replace: true });
  });

  it('signinSilent() renews through the session and the consumer sees the new tokens', async () => {
    await storeSession();
    stubCognito({ onToken: () => tokenResponse({ access_token: 'access-renewed' }) });
    const oidc = renderLegacy();
    await screen.findByText('in:alice@example.com');
    await act(() => oidc().signinSilent());
    expect(oidc().user?.access_token).toBe('access-renewed');
  });

  it("signoutRedirect() is the session's sign-out (revoke, clear, Cognito's /logout) and the consumer sees it", async () => {
    await storeSession();
    const cognito = stubCognito({ onRevoke: () => new Response('', { status: 200 }) });
    const oidc = renderLegacy();
    await screen.findByText('in:alice@example.com');
    await act(() => oidc().signoutRedirect());
    await screen.findByText('out');
    expect(cognito.to('/oauth2/revoke')).toHaveLength(1);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
    expect(vi.mocked(redirectTo).mock.calls[0]?.[0]).toMatch(new RegExp(`^${DOMAIN}/logout\\?client_id=`));
  });

  it('maps signinRedirect() options: state.returnTo, login_hint, identity_provider and lang', async () => {
    stubCognito();
    const oidc = renderLegacy();
    await screen.findByText('out');
    await act(() =>
      oidc().signinRedirect({
        state: { returnTo: '/reports?id=7' },
        login_hint: 'alice@example.com',
        extraQueryParams: { identity_provider: 'Google', lang: 'fr' },
      }),
    );
    const authorize = new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      login_hint: 'alice@example.com',
      identity_provider: 'Google',
      lang: 'fr',
    });
    const state = JSON.parse(
      sessionStorage.getItem(`oidc.${authorize.searchParams.get('state') ?? ''}`) ?? '{}',
    );
    expect(state).toMatchObject({ data: { returnTo: '/reports?id=7' } });
  });

  it('stays loading while a new tab waits 150 ms for its peers, then reports signed out', async () => {
    stubCognito();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the peer wait's timer
    const oidc = renderLegacy();
    expect(oidc().isLoading).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(149));
    expect(oidc()).toMatchObject({ isLoading: true, isAuthenticated: false });
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(oidc()).toMatchObject({ isLoading: false, isAuthenticated: false, user: null });
  });

  it('offers no second token store: revokeTokens() rejects, signinPopup() fails as a navigator does (error, null), the stored session is untouched', async () => {
    await storeSession({ refreshToken: 'refresh-secret' });
    const cognito = stubCognito();
    const oidc = renderLegacy();
    await screen.findByText('in:alice@example.com');
    const stored = sessionStorage.getItem(USER_KEY);
    await expect(oidc().revokeTokens()).rejects.toMatchObject({ code: 'config' });
    await act(async () => {
      expect(await oidc().signinPopup()).toBeNull();
    });
    expect(oidc().error).toMatchObject({
      source: 'signinPopup',
      message: expect.stringMatching(
        /^signinPopup\(\) is not supported under <ReactOidcContextBridge>/,
      ) as unknown,
      innerError: { code: 'config' },
    });
    expect(sessionStorage.getItem(USER_KEY)).toBe(stored);
    expect(cognito.seen).toEqual([]);
    expect(oidc().user?.refresh_token).toBeUndefined();
  });

  it('follows a sign-in that <AuthCallback> completes', async () => {
    stubCognito();
    const start = renderLegacy();
    await screen.findByText('out');
    await act(() => start().signinRedirect());
    const authorize = new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
    start.unmount();
    window.history.pushState(null, '', `/callback?code=c&state=${authorize.searchParams.get('state') ?? ''}`);
    const nonce = authorize.searchParams.get('nonce') ?? '';
    stubCognito({ onToken: () => tokenResponse({ refresh_token: 'refresh-1' }, { nonce }) });
    renderLegacy(<AuthCallback navigate={vi.fn()} />);
    await screen.findByText('in:alice@example.com');
  });

  it("removeUser() is the session's sign-out, not a local clear", async () => {
    await storeSession();
    stubCognito({ onRevoke: () => new Response('', { status: 200 }) });
    const oidc = renderLegacy();
    await screen.findByText('in:alice@example.com');
    await act(() => oidc().removeUser());
    await screen.findByText('out');
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
    expect(vi.mocked(redirectTo).mock.calls[0]?.[0]).toMatch(new RegExp(`^${DOMAIN}/logout\\?client_id=`));
  });

  it('throws AuthError provider outside <CognitoProvider>, naming itself', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() =>
      render(
        <ReactOidcContextBridge>
          <p>app</p>
        </ReactOidcContextBridge>,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'provider',
        message: expect.stringMatching(
          /^<ReactOidcContextBridge> must be used inside <CognitoProvider>/,
        ) as unknown,
      }),
    );
  });

  it('raises userLoaded on a renewal and userUnloaded on sign-out, not for the user it starts with', async () => {
    await storeSession();
    let renewals = 0;
    stubCognito({
      onToken: () => tokenResponse({ access_token: `access-renewed-${++renewals}` }),
      onRevoke: () => new Response('', { status: 200 }),
    });
    const loaded = vi.fn();
    const loadedThroughout = vi.fn();
    const unloaded = vi.fn();
    let stop = (): void => undefined;
    // Registered in an effect, as components do: it runs before the bridge's own effects.
    function Listener() {
      const { events } = useOidcAuth();
      useEffect(() => {
        stop = events.addUserLoaded(loaded);
        events.addUserLoaded(loadedThroughout);
        events.addUserUnloaded(unloaded);
      }, [events]);
      return null;
    }
    const oidc = renderLegacy(<Listener />);
    await screen.findByText('in:alice@example.com');
    await act(async () => {});
    expect(loaded).not.toHaveBeenCalled();
    await act(() => oidc().signinSilent());
    expect(loaded).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ access_token: 'access-renewed-1' }),
    );
    stop();
    await act(() => oidc().signinSilent());
    expect(loaded).toHaveBeenCalledOnce();
    expect(loadedThroughout).toHaveBeenCalledTimes(2);
    await act(() => oidc().signoutRedirect());
    expect(unloaded).toHaveBeenCalledOnce();
    expect(loadedThroughout).toHaveBeenCalledTimes(2);
  });

  it('reports a failed signinSilent() as react-oidc-context does: null, and the error with the AuthError inside', async () => {
    await storeSession();
    stubCognito({ onToken: () => new Response('unavailable', { status: 503 }) });
    const oidc = renderLegacy();
    await screen.findByText('in:alice@example.com');
    await act(async () => {
      expect(await oidc().signinSilent()).toBeNull();
    });
    expect(oidc().error).toMatchObject({
      source: 'signinSilent',
      message: expect.stringMatching(/check the network connection and try again/) as unknown,
      innerError: { name: 'AuthError', code: 'network' },
    });
    expect(oidc().isAuthenticated).toBe(true);
  });

  it("reports the session's own error with source unknown; a failed call's error goes once the user changes", async () => {
    await storeSession({ expiresIn: -60, refreshToken: 'refresh-revoked' });
    const { release, released } = gate();
    stubCognito({ onToken: () => released.then(() => json({ error: 'invalid_grant' }, 400)) });
    const oidc = renderLegacy();
    await act(async () => {
      expect(await oidc().signoutSilent()).toBeNull();
    });
    expect(oidc().error).toMatchObject({ source: 'signoutSilent' });
    release(); // the session's own renewal of the expired token fails: the session ends
    await waitFor(() => expect(oidc().user).toBeNull());
    expect(oidc().error).toMatchObject({ source: 'unknown', innerError: { code: 'refresh' } });
  });

  it("shows a newer error of the session's own (a background renewal) instead of an older failed call's", async () => {
    await storeSession({ expiresIn: 30 }); // within renewBeforeExpirySeconds: getAccessToken() renews first
    stubCognito({ onToken: () => new Response('unavailable', { status: 503 }) });
    const ours = capture(useAuth);
    const oidc = renderLegacy(<ours.Probe />);
    await screen.findByText('in:alice@example.com');
    await act(async () => {
      expect(await oidc().signinPopup()).toBeNull();
    });
    expect(oidc().error).toMatchObject({ source: 'signinPopup' });
    await act(() => ours.current().getAccessToken()); // the renewal fails: the old token is still valid
    expect(oidc().error).toMatchObject({ source: 'unknown', innerError: { code: 'network' } });
  });

  it("does not bring back an old call's error after the user came and went", async () => {
    await storeSession();
    const session = sessionStorage.getItem(USER_KEY) ?? '';
    sessionStorage.clear();
    stubCognito();
    const oidc = renderLegacy();
    await screen.findByText('out');
    await act(async () => {
      expect(await oidc().signinPopup()).toBeNull();
    });
    expect(oidc().error).toMatchObject({ source: 'signinPopup' });
    const { peer } = peerTab();
    peer.postMessage(session); // signed in in another tab
    await screen.findByText('in:alice@example.com');
    expect(oidc().error).toBeUndefined();
    peer.postMessage(null); // and signed out there
    await screen.findByText('out');
    expect(oidc().error).toMatchObject({ source: 'unknown', message: 'Signed out in another tab.' });
  });

  it("exposes the session's settings, and clearStaleState() resolves", async () => {
    stubCognito();
    const oidc = renderLegacy();
    await screen.findByText('out');
    expect(oidc().settings).toEqual({
      authority: ISSUER,
      client_id: CONFIG.clientId,
      redirect_uri: `${APP}/callback`,
      post_logout_redirect_uri: `${APP}/`,
      scope: 'openid email profile',
      response_mode: 'query',
      automaticSilentRenew: false,
    });
    await expect(oidc().clearStaleState()).resolves.toBeUndefined();
  });

  it('under <MockCognitoProvider> (no configuration), settings name the page and a placeholder client', () => {
    const legacy = capture(useOidcAuth, (oidc) => <p>{oidc.user?.profile.email}</p>);
    render(
      <MockCognitoProvider user={createMockUser({ 'cognito:username': 'ada' })}>
        <ReactOidcContextBridge>
          <legacy.Probe />
        </ReactOidcContextBridge>
      </MockCognitoProvider>,
    );
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    expect(legacy.current().settings).toEqual({
      authority: window.location.origin,
      client_id: 'react-cognito-sso',
      redirect_uri: window.location.href,
      response_mode: 'query',
      automaticSilentRenew: false,
    });
  });

  it('gives a failed signinRedirect() and signoutRedirect() their own source (no Cognito domain: discovery unreachable)', async () => {
    stubCognito();
    const legacy = capture(useOidcAuth, (oidc) => <p>{oidc.isLoading ? 'loading' : 'settled'}</p>);
    renderWithProvider(
      <ReactOidcContextBridge>
        <legacy.Probe />
      </ReactOidcContextBridge>,
      {},
      { userPoolId: CONFIG.userPoolId, clientId: CONFIG.clientId },
    );
    await screen.findByText('settled');
    await act(async () => {
      expect(await legacy.current().signinRedirect()).toBeNull();
    });
    expect(legacy.current().error).toMatchObject({
      source: 'signinRedirect',
      innerError: { code: 'config' },
    });
    await act(async () => {
      expect(await legacy.current().signoutRedirect()).toBeNull();
    });
    expect(legacy.current().error).toMatchObject({ source: 'signoutRedirect' });
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it.each(['signinResourceOwnerCredentials', 'signoutPopup', 'signoutSilent'] as const)(
    '%s() fails as a navigator does (null, and an error naming it as its source)',
    async (name) => {
      stubCognito();
      const oidc = renderLegacy();
      await screen.findByText('out');
      await act(async () => {
        expect(await (oidc()[name] as () => Promise<unknown>)()).toBeNull();
      });
      expect(oidc().error).toMatchObject({
        source: name,
        message: `${name}() is not supported under <ReactOidcContextBridge> — use signinRedirect() and signoutRedirect().`,
        innerError: { code: 'config' },
      });
    },
  );

  it.each(['querySessionStatus', 'revokeTokens'] as const)('%s() rejects, naming itself', async (name) => {
    stubCognito();
    const oidc = renderLegacy();
    await screen.findByText('out');
    await expect(oidc()[name]()).rejects.toMatchObject({
      code: 'config',
      message: expect.stringMatching(new RegExp(`^${name}\\(\\) is not supported`)) as unknown,
    });
  });

  it("gives the user the access token's expiry, and raises accessTokenExpiring 60 s before it", async () => {
    fakeClock();
    vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
    await storeSession({ expiresIn: 200, refreshToken: null }); // no renewal comes
    stubCognito();
    const expiring = vi.fn();
    function Listener() {
      const { events } = useOidcAuth();
      useEffect(() => events.addAccessTokenExpiring(expiring), [events]);
      return null;
    }
    const oidc = renderLegacy(<Listener />);
    await advance(0);
    expect(oidc().user).toMatchObject({
      expires_at: Date.now() / 1000 + 200,
      expires_in: 200,
      expired: false,
    });
    await advance(139);
    expect(expiring).not.toHaveBeenCalled();
    await advance(1);
    expect(expiring).toHaveBeenCalledOnce();
  });

  it('stops its access-token events once unmounted', async () => {
    fakeClock();
    vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
    await storeSession({ expiresIn: 200, refreshToken: null });
    stubCognito();
    const expiring = vi.fn();
    const expired = vi.fn();
    function Listener() {
      const { events } = useOidcAuth();
      useEffect(() => {
        // Never removed, as a module-level listener would not be.
        events.addAccessTokenExpiring(expiring);
        events.addAccessTokenExpired(expired);
      }, [events]);
      return null;
    }
    const oidc = renderLegacy(<Listener />);
    await advance(0);
    oidc.unmount();
    await advance(300);
    expect(expiring).not.toHaveBeenCalled();
    expect(expired).not.toHaveBeenCalled();
  });

  it('removeUserLoaded() and removeUserUnloaded() stop the callbacks', async () => {
    await storeSession();
    stubCognito({
      onToken: () => tokenResponse({ access_token: 'access-renewed' }),
      onRevoke: () => new Response('', { status: 200 }),
    });
    const loaded = vi.fn();
    const unloaded = vi.fn();
    function Listener() {
      const { events } = useOidcAuth();
      useEffect(() => {
        events.addUserLoaded(loaded);
        events.addUserUnloaded(unloaded);
        events.removeUserLoaded(loaded);
        events.removeUserUnloaded(unloaded);
      }, [events]);
      return null;
    }
    const oidc = renderLegacy(<Listener />);
    await screen.findByText('in:alice@example.com');
    await act(() => oidc().signinSilent());
    expect(oidc().user?.access_token).toBe('access-renewed');
    await act(() => oidc().signoutRedirect());
    await screen.findByText('out');
    expect(loaded).not.toHaveBeenCalled();
    expect(unloaded).not.toHaveBeenCalled();
  });
});
