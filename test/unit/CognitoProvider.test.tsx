import { render, screen } from '@testing-library/react';
import { Component, StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AuthError, CognitoProvider, useAuth, type AuthContextValue } from '../../src/index.js';
import {
  CONFIG,
  renderWithProvider,
  statusProbe,
  storeSession,
  stubCognito,
  tokenResponse,
  USER_KEY,
} from './support/fakeCognito.js';

class Catch extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>caught</p> : this.props.children;
  }
}

function caught(children: ReactNode): unknown {
  let error: unknown;
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  class Spy extends Catch {
    override componentDidCatch(e: unknown) {
      error = e;
    }
  }
  render(
    <StrictMode>
      <Spy>{children}</Spy>
    </StrictMode>,
  );
  spy.mockRestore();
  return error;
}

describe('<CognitoProvider>', () => {
  it.each([
    ['a malformed pool ID', { userPoolId: 'not-a-pool' }, /^userPoolId: /],
    ['a region that contradicts the pool', { region: 'eu-west-1' }, /^region: /],
    ['an http domain that is not loopback', { domain: 'http://auth.example.com' }, /^domain: /],
    ['a redirect URI on another origin', { redirectUri: 'https://evil.example/callback' }, /^redirectUri: /],
    [
      'a NaN timeout (e.g. Number() of an unset variable)',
      { requestTimeoutSeconds: NaN },
      /^requestTimeoutSeconds: /,
    ],
    ['an infinite renewal margin', { renewBeforeExpirySeconds: Infinity }, /^renewBeforeExpirySeconds: /],
  ])('throws AuthError config for %s, rendering nothing', (_name, override, message) => {
    const error = caught(
      <CognitoProvider {...CONFIG} {...override}>
        <p>app</p>
      </CognitoProvider>,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'config', message: expect.stringMatching(message) as unknown });
    expect(screen.queryByText('app')).toBeNull();
  });

  it('renders a stored session as signed in on the very first render, with no request', async () => {
    await storeSession();
    const cognito = stubCognito();
    const renders: string[] = [];
    function App() {
      const { status, user } = useAuth();
      renders.push(`${status}:${user?.username ?? '-'}`);
      return <p>{status}</p>;
    }
    renderWithProvider(<App />);
    expect(renders[0]).toBe('authenticated:alice');
    expect(new Set(renders)).toEqual(new Set(['authenticated:alice']));
    expect(cognito.seen).toEqual([]);
  });

  it('treats a stored session whose access token expired, with no refresh token, as signed out', async () => {
    await storeSession({ expiresIn: -60, refreshToken: null });
    const cognito = stubCognito();
    function App() {
      return <p>{useAuth().status}</p>;
    }
    renderWithProvider(<App />);
    await screen.findByText('unauthenticated');
    expect(cognito.seen).toEqual([]);
  });

  it.each([
    'not JSON',
    '[]',
    '"x"',
    '{}',
    '{"v":2,"data":"x"}',
    '{"access_token":"a","profile":null}',
    '{"profile":{"sub":"s"}}',
    '{"access_token":1,"profile":{"sub":"s"}}',
    '{"access_token":"a","profile":{"sub":"s"},"expires_at":"soon"}',
  ])('treats stored data that is not a usable session (%s) as signed out, and renders', async (value) => {
    sessionStorage.setItem(USER_KEY, value);
    const cognito = stubCognito();
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />);
    await screen.findByText('unauthenticated');
    expect(cognito.seen).toEqual([]);
  });

  it("keeps useAuth()'s actions the same functions across renders, so a data router made once can close over them", async () => {
    stubCognito();
    const actions = new Set<unknown>();
    let renders = 0;
    function App() {
      const { status, signIn, signOut, getAccessToken, getIdToken } = useAuth();
      renders++;
      for (const action of [signIn, signOut, getAccessToken, getIdToken]) actions.add(action);
      return <p>{status}</p>;
    }
    renderWithProvider(<App />);
    await screen.findByText('unauthenticated');
    expect(renders).toBeGreaterThan(2);
    expect(actions.size).toBe(4); // one function per action, whatever the number of renders
  });

  it('rejects getAccessToken() with AuthError session while signed out', async () => {
    stubCognito();
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />);
    await screen.findByText('unauthenticated');
    await expect(probe.current().getAccessToken()).rejects.toMatchObject({
      name: 'AuthError',
      code: 'session',
    });
  });

  it('resolves getIdToken() to the stored ID token and getAccessToken() to the access token, with no request while neither is due', async () => {
    await storeSession({ accessToken: 'access-1' });
    const cognito = stubCognito({ onToken: () => tokenResponse() });
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />);
    const { id_token } = JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}') as { id_token?: string };
    expect(id_token).toMatch(/^eyJ/);
    await expect(probe.current().getIdToken()).resolves.toBe(id_token);
    await expect(probe.current().getAccessToken()).resolves.toBe('access-1');
    expect(cognito.seen).toEqual([]);
  });

  it('logs flow steps with debug on, never a token', async () => {
    await storeSession({ expiresIn: -1, accessToken: 'secret-access', refreshToken: 'secret-refresh' });
    stubCognito({
      onToken: () => tokenResponse({ access_token: 'secret-access-2' }),
    });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    function App() {
      return <p>{useAuth().user?.accessToken === 'secret-access-2' ? 'renewed' : 'old'}</p>;
    }
    renderWithProvider(<App />, { debug: true });
    await screen.findByText('renewed');
    const lines = debug.mock.calls.map((call) => call.join(' '));
    expect(lines).toContain('[react-cognito-sso] renewal: start');
    expect(lines.join('\n')).not.toMatch(/secret|eyJ/);
  });

  it('maps the ID token to the user', async () => {
    await storeSession({ claims: { 'custom:team': 'data', 'cognito:groups': ['admin', 'editors'] } });
    stubCognito();
    let auth: AuthContextValue<{ 'custom:team': string }> | undefined;
    function App() {
      auth = useAuth<{ 'custom:team': string }>();
      return null;
    }
    renderWithProvider(<App />);
    expect(auth?.user).toMatchObject({
      sub: 'sub-alice',
      username: 'alice',
      email: 'alice@example.com',
      groups: ['admin', 'editors'],
      accessToken: 'access-1',
    });
    expect(auth?.user?.claims['custom:team']).toBe('data');
    expect(auth?.user?.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
    expect(auth?.isAuthenticated).toBe(true);
    expect(auth?.isLoading).toBe(false);
  });

  it("starts a new session when the configuration changes: with storage 'memory' it starts signed out, and settles", async () => {
    await storeSession();
    stubCognito();
    const { Probe } = statusProbe();
    const page = renderWithProvider(<Probe />);
    expect(screen.getByText('authenticated')).toBeTruthy();
    page.rerender(
      <StrictMode>
        <CognitoProvider {...CONFIG} storage="memory">
          <Probe />
        </CognitoProvider>
      </StrictMode>,
    );
    await screen.findByText('unauthenticated'); // after asking its peers: the new session has started
  });

  it('settles a tab without a session as unauthenticated after asking its peers', async () => {
    stubCognito();
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    function App() {
      return <p>{useAuth().status}</p>;
    }
    renderWithProvider(<App />);
    expect(screen.getByText('loading')).toBeTruthy();
    expect(posted).toHaveBeenCalledWith('ask');
    await screen.findByText('unauthenticated');
  });
});

describe('useAuth()', () => {
  it('reports isLoading while the tab asks its peers, and neither isLoading nor isAuthenticated once signed out', async () => {
    stubCognito();
    function App() {
      const { isLoading, isAuthenticated } = useAuth();
      return <p>{`loading:${String(isLoading)} authenticated:${String(isAuthenticated)}`}</p>;
    }
    renderWithProvider(<App />);
    expect(screen.getByText('loading:true authenticated:false')).toBeTruthy();
    await screen.findByText('loading:false authenticated:false');
  });

  it('throws AuthError provider outside <CognitoProvider>, saying how to fix it', () => {
    function App() {
      useAuth();
      return null;
    }
    const error = caught(<App />);
    expect(error).toMatchObject({ name: 'AuthError', code: 'provider' });
    expect((error as Error).message).toMatch(
      /^useAuth\(\) must be used inside <CognitoProvider> — wrap your app/,
    );
  });
});
