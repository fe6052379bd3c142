import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AuthCallback, CognitoProvider, RequireAuth, useAuth } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import {
  APP,
  CONFIG,
  debugLines,
  DOMAIN,
  json,
  peerTab,
  renderWithProvider,
  statusProbe,
  storeSession,
  stubCognito,
  tokenResponse,
  USER_KEY,
} from './support/fakeCognito.js';
import { gate, realMacrotask, until } from './support/fakeTime.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const { Probe, current: auth } = statusProbe();

/** Starts a sign-in as a page would, then "lands" on /callback?… with `response` (state filled in). */
async function landOnCallback(
  returnTo: string,
  response: (state: string) => string,
): Promise<{ nonce: string }> {
  stubCognito();
  const page = renderWithProvider(<Probe />);
  await screen.findByText('unauthenticated');
  await act(() => auth().signIn({ returnTo }));
  const authorize = new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
  page.unmount();
  vi.mocked(redirectTo).mockReset();
  window.history.pushState(null, '', `/callback?${response(authorize.searchParams.get('state') ?? '')}`);
  return { nonce: authorize.searchParams.get('nonce') ?? '' };
}

function tokenAnswer(nonce: string, claims: Record<string, unknown> = {}) {
  return () => tokenResponse({ access_token: 'access-1', refresh_token: 'refresh-1' }, { nonce, ...claims });
}

/** Stubs the pool with {@link tokenAnswer}'s answer held back until `release()`: the code exchange stays in flight. */
function stubHeldTokenAnswer(nonce: string) {
  const { release, released } = gate();
  const answer = tokenAnswer(nonce);
  return { cognito: stubCognito({ onToken: () => released.then(answer) }), release };
}

describe('<AuthCallback>', () => {
  it('exchanges the code exactly once under StrictMode, cleans the URL, stores the session and goes to returnTo', async () => {
    const { nonce } = await landOnCallback('/reports?id=7#top', (state) => `code=the-code&state=${state}`);
    const answer = tokenAnswer(nonce);
    let jwksBeforeTokens = false;
    const cognito = stubCognito({
      onToken: () => {
        jwksBeforeTokens = cognito.seen.some((r) => r.url.endsWith('/jwks.json'));
        return answer();
      },
    });
    const navigate = vi.fn();
    const onSignIn = vi.fn();
    renderWithProvider(<AuthCallback navigate={navigate} />, { onSignIn });
    expect(screen.getByRole('status').textContent).toBe('Signing you in…');
    expect(window.location.search).toBe('');
    expect(window.location.pathname).toBe('/callback');
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/reports?id=7#top', { replace: true }));
    expect(navigate).toHaveBeenCalledOnce();
    const [exchange, ...more] = cognito.to('/oauth2/token');
    expect(more).toEqual([]);
    expect(Object.fromEntries(exchange?.body ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      code: 'the-code',
      client_id: CONFIG.clientId,
      redirect_uri: `${APP}/callback`,
    });
    expect(exchange?.body.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
    expect(exchange?.headers.has('Authorization')).toBe(false);
    expect(cognito.seen.filter((r) => r.url.endsWith('jwks.json'))).toHaveLength(1);
    expect(jwksBeforeTokens).toBe(true); // fetched in parallel with the code exchange, not after it
    expect(JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}')).toMatchObject({
      refresh_token: 'refresh-1',
    });
    expect(onSignIn).toHaveBeenCalledWith(
      expect.objectContaining({ username: 'alice', groups: ['editors'] }),
    );
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('signs in on the callback page of a browser without BroadcastChannel', async () => {
    const { nonce } = await landOnCallback('/reports', (state) => `code=c&state=${state}`);
    vi.stubGlobal('BroadcastChannel', undefined);
    stubCognito({ onToken: tokenAnswer(nonce) });
    const navigate = vi.fn();
    renderWithProvider(<AuthCallback navigate={navigate} />);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/reports', { replace: true }));
    expect(sessionStorage.getItem(USER_KEY)).toContain('"refresh_token":"refresh-1"');
  });

  it('reports an onSignIn that throws as AuthError callback, and keeps the session it signed in', async () => {
    const { nonce } = await landOnCallback('/', (state) => `code=c&state=${state}`);
    stubCognito({ onToken: tokenAnswer(nonce) });
    let shown: unknown;
    const onSignIn = () => {
      throw new Error('the app could not load its profile');
    };
    renderWithProvider(
      <>
        <AuthCallback navigate={vi.fn()} renderError={(error) => ((shown = error), (<p>failed</p>))} />
        <Probe />
      </>,
      { onSignIn },
    );
    await screen.findByText('failed');
    expect(shown).toMatchObject({
      name: 'AuthError',
      code: 'callback',
      message: 'the app could not load its profile',
    });
    expect(auth().status).toBe('authenticated');
  });

  it('navigates with window.location.replace by default', async () => {
    const { nonce } = await landOnCallback('/home', (state) => `code=c&state=${state}`);
    stubCognito({ onToken: tokenAnswer(nonce) });
    renderWithProvider(<AuthCallback />);
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith('/home', { replace: true }));
  });

  it.each(['//evil.example', 'https://evil.example/x', '/\\evil.example', 'javascript:alert(1)'])(
    'lands on "/" for the return path %s',
    async (returnTo) => {
      const { nonce } = await landOnCallback(returnTo, (state) => `code=c&state=${state}`);
      stubCognito({ onToken: tokenAnswer(nonce) });
      const navigate = vi.fn();
      renderWithProvider(<AuthCallback navigate={navigate} />);
      await waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
    },
  );

  it('shows a hostile error_description as text, makes no token request, and "Sign in again" starts over', async () => {
    const hostile = '<img src=x onerror=alert(1)>Access denied';
    await landOnCallback(
      '/',
      (state) => `error=access_denied&error_description=${encodeURIComponent(hostile)}&state=${state}`,
    );
    const cognito = stubCognito();
    renderWithProvider(<AuthCallback />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(hostile);
    expect(alert.querySelector('img')).toBeNull();
    expect(cognito.seen).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledOnce());
    expect(vi.mocked(redirectTo).mock.calls[0]?.[0]).toContain(`${DOMAIN}/oauth2/authorize?`);
  });

  it.each([
    ['an unknown state', '/callback?code=c&state=forged'],
    ['a code without state', '/callback?code=SECRET-CODE#code=SECRET-CODE'],
  ])(
    'refuses %s without a token request, and leaves no code in the address bar (nor the history)',
    async (_kind, url) => {
      window.history.pushState(null, '', url);
      const entries = history.length;
      const cognito = stubCognito();
      let error: unknown;
      renderWithProvider(<AuthCallback renderError={(e) => ((error = e), (<p>failed</p>))} />);
      await screen.findByText('failed');
      expect(error).toMatchObject({ name: 'AuthError', code: 'state' });
      expect(window.location.href).toBe(`${window.location.origin}/callback`);
      expect(history.length).toBe(entries); // replaced, not pushed
      expect(cognito.seen).toEqual([]);
    },
  );

  it('navigates with the navigate of its latest render (a router may hand it a new one while the code exchange runs)', async () => {
    const { nonce } = await landOnCallback('/reports', (state) => `code=c&state=${state}`);
    const { cognito, release } = stubHeldTokenAnswer(nonce);
    const first = vi.fn();
    const latest = vi.fn();
    const route = { update: (): void => undefined };
    function Route() {
      const [navigate, setNavigate] = useState(() => first);
      route.update = () => setNavigate(() => latest);
      return <AuthCallback navigate={navigate} />;
    }
    renderWithProvider(<Route />);
    await waitFor(() => expect(cognito.to('/oauth2/token')).toHaveLength(1));
    act(() => route.update());
    release();
    await waitFor(() => expect(latest).toHaveBeenCalledExactlyOnceWith('/reports', { replace: true }));
    expect(first).not.toHaveBeenCalled();
  });

  it("calls the provider's latest onSignIn (an inline callback is a new function on every render)", async () => {
    const { nonce } = await landOnCallback('/', (state) => `code=c&state=${state}`);
    const { cognito, release } = stubHeldTokenAnswer(nonce);
    const navigate = vi.fn();
    const page = (onSignIn: () => void) => (
      <StrictMode>
        <CognitoProvider {...CONFIG} onSignIn={onSignIn}>
          <AuthCallback navigate={navigate} />
        </CognitoProvider>
      </StrictMode>
    );
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = render(page(first));
    await waitFor(() => expect(cognito.to('/oauth2/token')).toHaveLength(1));
    rerender(page(latest));
    release();
    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(latest).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ username: 'alice' }));
    expect(first).not.toHaveBeenCalled();
  });

  it('stops listening for pageshow once unmounted: a page of the app restored from the back/forward cache keeps its address', async () => {
    await storeSession();
    window.history.pushState(null, '', '/callback');
    stubCognito();
    const navigate = vi.fn();
    const route = { leave: (): void => undefined };
    function Routes() {
      const [onCallback, setOnCallback] = useState(true);
      route.leave = () => setOnCallback(false);
      return onCallback ? <AuthCallback navigate={navigate} /> : <p>reports</p>;
    }
    renderWithProvider(
      <>
        <Routes />
        <Probe />
      </>,
    );
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
    act(() => {
      window.history.pushState(null, '', '/reports?id=7#top'); // the app's client-side navigation
      route.leave();
    });
    await act(async () => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    for (let turn = 0; turn < 5; turn += 1) await realMacrotask();
    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      '/reports?id=7#top',
    );
    expect(screen.getByText('reports')).toBeTruthy();
    expect(navigate).toHaveBeenCalledOnce();
    expect(auth().status).toBe('authenticated');
  });

  it('refuses a replayed callback URL: the second landing makes no token request', async () => {
    const { nonce } = await landOnCallback('/', (state) => `code=c&state=${state}`);
    const href = window.location.href;
    const cognito = stubCognito({ onToken: tokenAnswer(nonce) });
    const first = renderWithProvider(<AuthCallback navigate={vi.fn()} />);
    await waitFor(() => expect(sessionStorage.getItem(USER_KEY)).not.toBeNull());
    first.unmount();
    sessionStorage.removeItem(USER_KEY);
    window.history.pushState(null, '', href);
    renderWithProvider(<AuthCallback />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/unknown, expired or already used/);
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });

  it.each([
    ['another audience', { aud: 'other-client' }],
    ['another issuer', { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600 }],
    ['an access token', { token_use: 'access' }],
  ])('rejects an ID token with %s and stores nothing', async (_name, claims) => {
    const { nonce } = await landOnCallback('/', (state) => `code=c&state=${state}`);
    stubCognito({ onToken: tokenAnswer(nonce, claims) });
    renderWithProvider(<AuthCallback navigate={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/ID token rejected/);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
  });

  it("accepts an ID token from the pool's updated issuer (IssuerConfiguration UPDATED)", async () => {
    const { nonce } = await landOnCallback('/', (state) => `code=c&state=${state}`);
    const iss = 'https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_Unit1234';
    stubCognito({ onToken: tokenAnswer(nonce, { iss }) });
    const navigate = vi.fn();
    renderWithProvider(<AuthCallback navigate={navigate} />);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
    expect(sessionStorage.getItem(USER_KEY)).toContain(`"iss":"${iss}"`);
  });

  it('rejects an ID token whose nonce is not the one sent', async () => {
    await landOnCallback('/', (state) => `code=c&state=${state}`);
    stubCognito({ onToken: tokenAnswer('another-nonce') });
    renderWithProvider(<AuthCallback navigate={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/nonce/);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
  });

  it('shows a failed code exchange (invalid_grant) with a way to sign in again', async () => {
    await landOnCallback('/', (state) => `code=used&state=${state}`);
    stubCognito({ onToken: () => json({ error: 'invalid_grant' }, 400) });
    let error: unknown;
    renderWithProvider(
      <AuthCallback renderError={(e, retry) => ((error = e), (<button onClick={retry}>again</button>))} />,
    );
    await screen.findByText('again');
    expect(error).toMatchObject({ code: 'callback', error: 'invalid_grant' });
  });

  it.each(['session', 'local'] as const)(
    'with storage %s, stays loading while the code exchange runs (a guard does not start a second sign-in), and a token asked for meanwhile waits for it',
    async (storage) => {
      const { nonce } = await landOnCallback('/', (state) => `code=c&state=${state}`);
      const { cognito, release } = stubHeldTokenAnswer(nonce);
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      // A guard's sign-in shows here as soon as its effect has run, while its redirect (after WebCrypto) comes later.
      const signIns = debugLines('sign-in:');
      renderWithProvider(
        <>
          <AuthCallback navigate={vi.fn()} />
          <RequireAuth>
            <p>the app</p>
          </RequireAuth>
          <Probe />
        </>,
        { storage, debug: true },
      );
      expect(auth().status).toBe('loading');
      const token = auth().getAccessToken();
      await act(() => vi.advanceTimersByTimeAsync(200)); // past the 150 ms peer wait
      expect(auth().status).toBe('loading');
      expect(screen.queryByText('the app')).toBeNull();
      expect(signIns()).toEqual([]);
      release();
      await act(async () => {
        expect(await token).toBe('access-1');
      });
      expect(auth().status).toBe('authenticated');
      expect(screen.getByText('the app')).toBeTruthy(); // the guard has rendered, and run its effects, signed in
      expect(signIns()).toEqual([]);
      expect(cognito.to('/oauth2/token')).toHaveLength(1);
      expect(redirectTo).not.toHaveBeenCalled();
    },
  );

  /** A stand-in for a `React.lazy` route: renders `route` (default: `<AuthCallback>`) once `mount()` is called. */
  function lazyCallback(route: ReactNode = <AuthCallback navigate={vi.fn()} />) {
    const box = { mount: (): void => undefined };
    function LazyCallback() {
      const [loaded, setLoaded] = useState(false);
      box.mount = () => setLoaded(true);
      return loaded ? route : null;
    }
    return { LazyCallback, mount: () => act(() => box.mount()) };
  }

  /**
   * A callback page (timers faked) whose `<AuthCallback>` loads lazily, after `beside`; Cognito answers the code.
   * `mount()` loads it; a test that never calls it has none.
   */
  async function lazyCallbackPage(beside: ReactNode = null) {
    const { nonce } = await landOnCallback('/', (state) => `code=c&state=${state}`);
    const cognito = stubCognito({ onToken: tokenAnswer(nonce) });
    const { LazyCallback, mount } = lazyCallback();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderWithProvider(
      <>
        {beside}
        <LazyCallback />
        <Probe />
      </>,
    );
    return { cognito, mount };
  }

  it('lets a lazily loaded <AuthCallback> finish first: a guard in the layout does not leave the page (and lose the code)', async () => {
    const { cognito, mount } = await lazyCallbackPage(<RequireAuth>the app</RequireAuth>);
    await act(() => vi.advanceTimersByTimeAsync(5000)); // the chunk takes 5 s; the guard has asked to sign in
    expect(auth().status).toBe('unauthenticated');
    expect(redirectTo).not.toHaveBeenCalled();
    mount();
    await until(() => expect(screen.queryByText('the app')).not.toBeNull());
    expect(auth().status).toBe('authenticated');
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('lets a token asked for on a callback page before its lazily loaded <AuthCallback> starts wait for its sign-in', async () => {
    const { mount } = await lazyCallbackPage();
    const token = auth().getAccessToken();
    await act(() => vi.advanceTimersByTimeAsync(2000)); // past the 150 ms peer wait: no session yet
    expect(auth().status).toBe('unauthenticated');
    mount();
    await act(async () => {
      expect(await token).toBe('access-1');
    });
  });

  it('ends every guard sign-in on a lazy callback page with its sign-in, whatever their options', async () => {
    const { cognito, mount } = await lazyCallbackPage();
    await act(() => vi.advanceTimersByTimeAsync(200));
    const ended: string[] = [];
    const first = auth()
      .signIn()
      .then(() => ended.push('first'));
    const second = auth()
      .signIn({ returnTo: '/reports' })
      .then(() => ended.push('second'));
    mount();
    await until(() => expect(auth().status).toBe('authenticated'));
    await act(() => Promise.all([first, second]));
    expect(ended.sort()).toEqual(['first', 'second']);
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('tells a guard on a callback page with no <AuthCallback> at all (its route inside the guard) what to fix after 10 s, instead of looping through the hosted UI', async () => {
    await lazyCallbackPage(<RequireAuth>the app</RequireAuth>); // and never mounted
    await act(() => vi.advanceTimersByTimeAsync(200)); // past the 150 ms peer wait: the guard asks to sign in
    await act(() => vi.advanceTimersByTimeAsync(9_700));
    expect(auth().status).toBe('unauthenticated');
    await act(() => vi.advanceTimersByTimeAsync(400));
    await until(() => expect(auth().status).toBe('error'));
    expect(auth().error).toMatchObject({
      code: 'config',
      message:
        "No <AuthCallback> started on this callback page within 10 s — render it on the redirect URI's route, outside <RequireAuth>.",
    });
    expect(screen.getByRole('alert').textContent).toContain('No <AuthCallback> started');
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it("lets a guard mounted with a late <AuthCallback> that saw 'signed out' (as react-oidc-context's does) end with that sign-in", async () => {
    const { nonce } = await landOnCallback('/', (state) => `code=c&state=${state}`);
    const { cognito, release } = stubHeldTokenAnswer(nonce);
    let guarded: Promise<void> | undefined;
    function Guard() {
      const { isLoading, isAuthenticated, signIn } = useAuth();
      useEffect(() => {
        if (!isLoading && !isAuthenticated) guarded = signIn();
      }, [isLoading, isAuthenticated, signIn]);
      return null;
    }
    const { LazyCallback: LateLayout, mount } = lazyCallback(
      <>
        <AuthCallback navigate={vi.fn()} />
        <Guard />
      </>,
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderWithProvider(
      <>
        <LateLayout />
        <Probe />
      </>,
    );
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(auth().status).toBe('unauthenticated');
    mount(); // the guard's effect runs with the address bar clean (the provider cleaned it on its first render)
    release();
    await until(() => expect(auth().status).toBe('authenticated'));
    expect(guarded).toBeDefined(); // the guard did ask, and its sign-in ended with the page's
    await act(() => guarded);
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it("signs in on a callback page of an app that shows only a spinner while loading (as AWS's sample does with isLoading), and returns to the deep link", async () => {
    const { nonce } = await landOnCallback('/reports?id=7', (state) => `code=c&state=${state}`);
    stubCognito({ onToken: tokenAnswer(nonce) });
    const navigate = vi.fn();
    function App() {
      const { isLoading } = useAuth();
      return isLoading ? <p>Loading…</p> : <AuthCallback navigate={navigate} />;
    }
    renderWithProvider(
      <>
        <App />
        <Probe />
      </>,
    );
    await until(() => expect(navigate).toHaveBeenCalledWith('/reports?id=7', { replace: true }));
    expect(auth().status).toBe('authenticated');
  });

  it("treats a page at the callback path whose query is not Cognito's answer (state without code or error) as any other page", async () => {
    window.history.pushState(null, '', '/callback?state=CA');
    stubCognito();
    renderWithProvider(<Probe />, { storage: 'local' });
    expect(auth().status).toBe('unauthenticated'); // a callback page would be loading until its sign-in ends
    await act(() => auth().signIn());
    expect(redirectTo).toHaveBeenCalledOnce(); // at once: no callback to wait for
  });

  it("treats a page off the callback path as any other page, even with Cognito's answer (state and code) in its query, which it leaves in the address bar", async () => {
    window.history.pushState(null, '', '/reports?code=c&state=CA');
    stubCognito();
    renderWithProvider(<Probe />, { storage: 'local' });
    expect(auth().status).toBe('unauthenticated'); // a callback page would be loading until its sign-in ends
    expect(window.location.pathname + window.location.search).toBe('/reports?code=c&state=CA');
    await act(() => auth().signIn());
    expect(redirectTo).toHaveBeenCalledOnce(); // at once: no callback to wait for
  });

  it("takes Cognito's error answer (state and error, no code) out of the address bar at once, and is loading until its <AuthCallback> ends it", async () => {
    await landOnCallback('/', (state) => `error=access_denied&state=${state}`);
    stubCognito();
    renderWithProvider(<Probe />, { storage: 'local' }); // no <AuthCallback> yet (e.g. lazily loaded)
    expect(auth().status).toBe('loading');
    expect(window.location.search).toBe('');
  });

  it("forgets a callback page's answer that no <AuthCallback> took, once its provider started: a later provider at the callback path is not on one", async () => {
    await landOnCallback('/', (state) => `code=c&state=${state}`);
    stubCognito();
    const first = renderWithProvider(<Probe />, { storage: 'local' }); // no <AuthCallback>: the answer is not taken
    expect(auth().status).toBe('loading');
    expect(window.location.search).toBe('');
    first.unmount();
    renderWithProvider(<Probe />, { storage: 'local' }); // the same path, by client-side navigation
    expect(auth().status).toBe('unauthenticated');
  });

  it('tells a tab that asked while the code exchange ran that it has no session, once the exchange fails', async () => {
    await landOnCallback('/', (state) => `code=used&state=${state}`);
    const { release, released } = gate();
    const cognito = stubCognito({
      onToken: () => released.then(() => json({ error: 'invalid_grant' }, 400)),
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the 150 ms peer wait stands still
    renderWithProvider(
      <>
        <AuthCallback renderError={() => 'failed'} />
        <Probe />
      </>,
    );
    await until(() => expect(cognito.to('/oauth2/token')).toHaveLength(1));
    const { peer, answers } = peerTab(); // a new tab, opened after the callback tab asked
    peer.postMessage('ask');
    for (let turn = 0; turn < 20; turn += 1) await realMacrotask();
    expect(answers).toEqual([]); // still loading: it cannot tell yet
    release();
    await until(() => expect(answers).toEqual(['none']));
    expect(auth()).toMatchObject({ status: 'error', error: { code: 'callback' } });
  });

  it('goes straight to the app when reached without a response but with a session', async () => {
    await storeSession();
    window.history.pushState(null, '', '/callback');
    stubCognito();
    const navigate = vi.fn();
    renderWithProvider(<AuthCallback navigate={navigate} />);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
  });

  it("goes straight to the app when reached without a response in a new tab, once another tab's session arrives", async () => {
    await storeSession();
    window.history.pushState(null, '', '/callback');
    stubCognito();
    renderWithProvider(<p>the tab with the session</p>);
    const navigate = vi.fn();
    renderWithProvider(<AuthCallback navigate={navigate} />, { storage: 'memory' });
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('with storage \'memory\' and no navigate throws AuthError "config" (a page load would lose the session: a loop)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    stubCognito();
    expect(() => renderWithProvider(<AuthCallback />, { storage: 'memory' })).toThrow(
      expect.objectContaining({
        code: 'config',
        message: "<AuthCallback> needs `navigate` with storage 'memory' — pass your router's.",
      }),
    );
  });

  it('outside <CognitoProvider> throws AuthError "provider" naming <AuthCallback> and how to wrap the app', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<AuthCallback />)).toThrow(
      expect.objectContaining({
        code: 'provider',
        message: expect.stringMatching(
          /^<AuthCallback> must be used inside <CognitoProvider> — wrap your app: <CognitoProvider …><App \/><\/CognitoProvider>\.$/,
        ),
      }),
    );
  });
});
