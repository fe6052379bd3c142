import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState, type ReactNode } from 'react';
import {
  AuthCallback,
  AuthError,
  RequireAuth,
  useAuth,
  useAuthFetch,
  useSessionExpiry,
} from 'react-cognito-sso';
import {
  MockCognitoProvider,
  createMockUser,
  type MockCognitoProviderProps,
} from 'react-cognito-sso/testing';
import { describe, expect, it, vi } from 'vitest';

// An app's own components, written against the public API only.
interface TeamClaims {
  'custom:team'?: string;
}

function Header() {
  const { status, user, error, signIn, signOut } = useAuth<TeamClaims>();
  if (status === 'loading') return <p role="status">Loading…</p>;
  if (error) return <p role="alert">{`${error.code}: ${error.message}`}</p>;
  if (!user) {
    return (
      <button type="button" onClick={() => void signIn({ returnTo: '/reports' })}>
        Sign in
      </button>
    );
  }
  return (
    <header>
      <p>{`Hello ${user.username} of ${user.claims['custom:team'] ?? 'no team'}`}</p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}

function App() {
  return (
    <>
      <Header />
      <RequireAuth groups={['admin']}>
        <h1>Admin console</h1>
      </RequireAuth>
    </>
  );
}

function ApiStatus() {
  const authFetch = useAuthFetch();
  const [result, setResult] = useState('');
  const load = (token: 'access' | 'id') =>
    void authFetch('https://api.example.com/me', { token }).then(
      (response) => setResult(String(response.status)),
      (error: AuthError) => setResult(error.code),
    );
  return (
    <>
      <button type="button" onClick={() => load('access')}>
        Load
      </button>
      <button type="button" onClick={() => load('id')}>
        Load with ID token
      </button>
      <output>{result}</output>
    </>
  );
}

function ExpiryBanner() {
  const { secondsLeft, expiringSoon } = useSessionExpiry(120);
  return expiringSoon ? <p role="status">{`Your session ends in ${secondsLeft} s.`}</p> : null;
}

/** A `renderHook` wrapper, as an app's test utilities would define it. */
function mockWrapper(props: Omit<MockCognitoProviderProps, 'children'>) {
  return ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <MockCognitoProvider {...props}>{children}</MockCognitoProvider>
    </StrictMode>
  );
}

function renderWith(props: Omit<MockCognitoProviderProps, 'children'>, ui: ReactNode = <App />) {
  const wrap = (next: Omit<MockCognitoProviderProps, 'children'>) => (
    <StrictMode>
      <MockCognitoProvider {...next}>{ui}</MockCognitoProvider>
    </StrictMode>
  );
  const result = render(wrap(props));
  return {
    ...result,
    rerenderWith: (next: Omit<MockCognitoProviderProps, 'children'>) => result.rerender(wrap(next)),
  };
}

describe('<MockCognitoProvider> (react-cognito-sso/testing)', () => {
  it('renders a signed-in user with their claims and the pages of their groups', () => {
    const signIn = vi.fn();
    renderWith({
      user: createMockUser({ 'cognito:username': 'ada', 'cognito:groups': ['admin'], 'custom:team': 'data' }),
      signIn,
    });
    expect(screen.getByText('Hello ada of data')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Admin console' })).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
  });

  it('shows the fallback of <RequireAuth> to a signed-in user outside its groups', () => {
    renderWith({ user: createMockUser() });
    expect(screen.getByText('Hello mock-user of no team')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('You are not authorised to view this page.');
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('signed out: <RequireAuth> starts one sign-in back to this page, and signIn() calls are recorded', async () => {
    window.history.replaceState(null, '', '/admin?tab=users');
    const signIn = vi.fn();
    renderWith({ user: null, signIn });
    expect(screen.getByText('Signing you in…')).toBeTruthy();
    expect(signIn).toHaveBeenCalledExactlyOnceWith({ returnTo: '/admin?tab=users', replace: true });
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenCalledTimes(2);
    expect(signIn).toHaveBeenLastCalledWith({ returnTo: '/reports' });
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('loading: shows the loading views and starts nothing', () => {
    const signIn = vi.fn();
    renderWith({ status: 'loading', signIn });
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.getByText('Signing you in…')).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
  });

  it('error: shows the failure, and "Sign in again" is a recorded signIn()', async () => {
    const signIn = vi.fn();
    renderWith({ error: new AuthError('callback', 'Access denied', { error: 'access_denied' }), signIn });
    expect(screen.getByText('callback: Access denied')).toBeTruthy();
    expect(screen.getByText('Sign-in failed: Access denied')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(signIn).toHaveBeenCalledExactlyOnceWith({ returnTo: '/', replace: true });
  });

  it('records signOut() without changing the session; a rerender with user={null} signs out in place', async () => {
    const signOut = vi.fn();
    const signIn = vi.fn();
    const { rerenderWith } = renderWith({
      user: createMockUser({ 'cognito:groups': ['admin'] }),
      signIn,
      signOut,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(signOut).toHaveBeenCalledExactlyOnceWith();
    expect(screen.getByRole('heading', { name: 'Admin console' })).toBeTruthy();
    rerenderWith({ user: null, signIn, signOut });
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('heading')).toBeNull();
    // The page was signed in when it loaded: an ended session prompts, it does not redirect.
    expect(signIn).not.toHaveBeenCalled();
  });

  it('settles signIn() as the spy does, so a failed sign-in start can be simulated', async () => {
    const failure = new AuthError('network', 'Cognito is unreachable');
    let caught: unknown;
    function SignInButton() {
      const { signIn } = useAuth();
      return (
        <button type="button" onClick={() => void signIn().catch((error: unknown) => (caught = error))}>
          Go
        </button>
      );
    }
    renderWith({ signIn: () => Promise.reject(failure) }, <SignInButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(caught).toBe(failure);
  });

  it('shows a failed sign-in start under <RequireAuth> as the real provider does: the error and "Sign in again"', async () => {
    const failure = new AuthError('network', 'Cognito is unreachable');
    renderWith(
      { signIn: () => Promise.reject(failure) },
      <RequireAuth>
        <p>secret</p>
      </RequireAuth>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Cognito is unreachable');
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
  });

  it('keeps a failed sign-in start shown when the provider re-renders with the same props', async () => {
    const failure = new AuthError('network', 'Cognito is unreachable');
    const signIn = () => Promise.reject(failure);
    const page = renderWith(
      { signIn },
      <RequireAuth>
        <p>secret</p>
      </RequireAuth>,
    );
    await screen.findByRole('alert');
    page.rerenderWith({ signIn });
    expect(screen.getByRole('alert').textContent).toContain('Cognito is unreachable');
    page.rerenderWith({ signIn, user: createMockUser() });
    expect(await screen.findByText('secret')).toBeTruthy();
  });

  it("useAuthFetch() sends the mock user's access token, or the ID token on request", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const user = createMockUser();
    renderWith({ user }, <ApiStatus />);
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    await userEvent.click(screen.getByRole('button', { name: 'Load with ID token' }));
    expect(await screen.findByText('200')).toBeTruthy();
    const sent = fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get('Authorization'));
    expect(sent).toEqual([`Bearer ${user.accessToken}`, `Bearer ${user.idToken}`]);
  });

  it('useAuthFetch() retries a 401 once with the same token, and within 30 s returns the next 401 to it at once', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('{}', { status: 401 }));
    vi.stubGlobal('fetch', fetch);
    const { result } = renderHook(() => useAuthFetch(), {
      wrapper: mockWrapper({ user: createMockUser() }),
    });
    expect((await result.current('https://api.example.com/me')).status).toBe(401);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await result.current('https://api.example.com/me')).status).toBe(401);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('signed out: tokens reject with AuthError code session, and useAuthFetch() sends nothing', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    vi.stubGlobal('fetch', fetch);
    renderWith({ user: null }, <ApiStatus />);
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(await screen.findByText('session')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
    const { result } = renderHook(() => useAuth(), { wrapper: mockWrapper({ user: null }) });
    await expect(result.current.getAccessToken()).rejects.toMatchObject({
      name: 'AuthError',
      code: 'session',
    });
    await expect(result.current.getIdToken()).rejects.toBeInstanceOf(AuthError);
  });

  it("resolves getAccessToken() / getIdToken() to the mock user's tokens", async () => {
    const user = createMockUser();
    const { result } = renderHook(() => useAuth(), { wrapper: mockWrapper({ user }) });
    expect(result.current.user).toBe(user);
    await expect(result.current.getAccessToken()).resolves.toBe(user.accessToken);
    await expect(result.current.getIdToken()).resolves.toBe(user.idToken);
  });

  it("useSessionExpiry() counts down to the mock user's exp under fake timers", () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const exp = Date.now() / 1000 + 100;
    renderWith({ user: createMockUser({ exp }) }, <ExpiryBanner />);
    act(() => vi.advanceTimersByTime(0));
    expect(screen.getByRole('status').textContent).toBe('Your session ends in 100 s.');
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByRole('status').textContent).toBe('Your session ends in 70 s.');
  });

  it('useSessionExpiry() is not expiring soon outside its window, nor signed out, where it runs no timer', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const exp = Date.now() / 1000 + 3600;
    const signedIn = renderHook(() => useSessionExpiry(120), {
      wrapper: mockWrapper({ user: createMockUser({ exp }) }),
    });
    act(() => vi.advanceTimersByTime(0));
    expect(signedIn.result.current).toEqual({
      expiresAt: exp * 1000,
      secondsLeft: 3600,
      expiringSoon: false,
    });
    signedIn.unmount();
    const signedOut = renderHook(() => useSessionExpiry(120), { wrapper: mockWrapper({ user: null }) });
    act(() => vi.advanceTimersByTime(10_000));
    expect(signedOut.result.current).toEqual({ expiresAt: null, secondsLeft: null, expiringSoon: false });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('useSessionExpiry() catches up after the device slept, and warns at once (a mock session has no renewal to wait for)', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const exp = Date.now() / 1000 + 3600;
    renderWith({ user: createMockUser({ exp }) }, <ExpiryBanner />);
    act(() => vi.advanceTimersByTime(0));
    expect(screen.queryByRole('status')).toBeNull();
    vi.setSystemTime(Date.now() + 3500 * 1000); // asleep: the clock moves on, timers stand still
    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.getByRole('status').textContent).toBe('Your session ends in 95 s.');
  });

  it('<AuthCallback> navigates to / for a signed-in user', async () => {
    const navigate = vi.fn();
    renderWith({ user: createMockUser() }, <AuthCallback navigate={navigate} />);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
    expect(screen.getByText('Signing you in…')).toBeTruthy();
  });

  it('<AuthCallback> waits while loading, then follows the session the test sets', async () => {
    const navigate = vi.fn();
    const { rerenderWith } = renderWith({ status: 'loading' }, <AuthCallback navigate={navigate} />);
    await act(() => Promise.resolve());
    expect(navigate).not.toHaveBeenCalled();
    rerenderWith({ user: createMockUser() });
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
  });

  it('<AuthCallback> shows the error, and its retry is a recorded signIn()', async () => {
    const signIn = vi.fn();
    renderWith(
      { error: new AuthError('state', 'No matching state found in storage'), signIn },
      <AuthCallback navigate={vi.fn()} />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('No matching state found in storage');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(signIn).toHaveBeenCalledExactlyOnceWith();
  });

  it('<AuthCallback> without navigate (no storage to check in a mock) shows the error', async () => {
    renderWith({ error: new AuthError('callback', 'Access denied') }, <AuthCallback />);
    expect((await screen.findByRole('alert')).textContent).toContain('Sign-in failed: Access denied');
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
  });

  it('<AuthCallback> signed out with no error reports a sign-in that is not in progress', async () => {
    renderWith({ user: null }, <AuthCallback navigate={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/No sign-in in progress/);
  });

  it('<AuthCallback> signed out with no error fails with AuthError code state', async () => {
    let error: unknown;
    renderWith(
      { user: null },
      <AuthCallback navigate={vi.fn()} renderError={(e) => ((error = e), (<p>failed</p>))} />,
    );
    await screen.findByText('failed');
    expect(error).toMatchObject({ name: 'AuthError', code: 'state' });
  });

  it('derives the status from the props: authenticated with a user, error with an error, else unauthenticated', () => {
    const auth = (props: Omit<MockCognitoProviderProps, 'children'>) =>
      renderHook(() => useAuth(), { wrapper: mockWrapper(props) }).result.current;
    expect(auth({ user: createMockUser() })).toMatchObject({
      status: 'authenticated',
      isAuthenticated: true,
      isLoading: false,
    });
    expect(auth({ error: new AuthError('callback', 'Access denied') })).toMatchObject({
      status: 'error',
      isAuthenticated: false,
    });
    expect(auth({})).toMatchObject({ status: 'unauthenticated', error: null });
  });

  it('without signIn / signOut props, signIn() and signOut() resolve and change nothing', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: mockWrapper({}) });
    await act(() => result.current.signIn());
    await act(() => result.current.signOut());
    expect(result.current).toMatchObject({ status: 'unauthenticated', user: null, error: null });
  });

  it('reports a signIn() that fails with a plain error as AuthError config: status error signed out, still authenticated signed in', async () => {
    const signIn = () => Promise.reject(new Error('unreachable'));
    const signedOut = renderHook(() => useAuth(), { wrapper: mockWrapper({ signIn }) });
    await act(() => signedOut.result.current.signIn().catch(() => undefined));
    expect(signedOut.result.current).toMatchObject({
      status: 'error',
      error: { name: 'AuthError', code: 'config' },
    });
    const user = createMockUser();
    const signedIn = renderHook(() => useAuth(), { wrapper: mockWrapper({ user, signIn }) });
    await act(() => signedIn.result.current.signIn().catch(() => undefined));
    expect(signedIn.result.current).toMatchObject({
      status: 'authenticated',
      user,
      error: { code: 'config' },
    });
  });

  it('refuses a status that contradicts the user, naming the fix', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderWith({ status: 'authenticated' })).toThrow(
      /needs a user — pass user=\{createMockUser\(\)\}/,
    );
    expect(() => renderWith({ status: 'loading', user: createMockUser() })).toThrow(
      expect.objectContaining({ code: 'config', message: expect.stringMatching(/pass user=\{null\}/) }),
    );
  });
});
