import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { startCognitoEmulator, type CognitoEmulator } from 'react-cognito-sso/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthCallback, CognitoProvider, useAuth, type CognitoProviderProps } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import { capture } from '../unit/support/fakeCognito.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const APP = 'http://localhost:3000';
const CLIENT_ID = 'integrationclient1';

let emulator: CognitoEmulator;
let rotating: CognitoEmulator;

beforeAll(async () => {
  const clients = [{ clientId: CLIENT_ID, callbackUrls: [`${APP}/callback`], logoutUrls: [`${APP}/`] }];
  const users = [
    { username: 'alice', password: 'Alice-Pass-1', email: 'alice@example.com', groups: ['editors'] },
  ];
  emulator = await startCognitoEmulator({ clients, users });
  rotating = await startCognitoEmulator({ clients, users, refreshTokenRotation: { enabled: true } });
});
afterAll(async () => {
  await emulator.stop();
  await rotating.stop();
});
afterEach(() => {
  vi.mocked(redirectTo).mockReset();
  window.history.replaceState(null, '', '/');
});

const userKey = (pool: CognitoEmulator) => `oidc.user:${pool.issuer}:${CLIENT_ID}`;
const stored = (pool: CognitoEmulator) =>
  JSON.parse(sessionStorage.getItem(userKey(pool)) ?? 'null') as {
    access_token: string;
    refresh_token: string;
  } | null;

function renderApp(pool: CognitoEmulator, ui: React.ReactNode, props: Partial<CognitoProviderProps> = {}) {
  return render(
    <StrictMode>
      <CognitoProvider
        userPoolId={pool.userPoolId}
        clientId={CLIENT_ID}
        domain={pool.domain}
        endpoint={pool.issuerOrigin}
        {...props}
      >
        {ui}
      </CognitoProvider>
    </StrictMode>,
  );
}

/** Drives the hosted UI as a browser would: authorize → /login form → redirect back to the callback. */
async function hostedUiLogin(authorizeUrl: string, password = 'Alice-Pass-1'): Promise<URL> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const loginUrl = new URL(authorize.headers.get('location') ?? '', authorizeUrl);
  expect(await (await fetch(loginUrl)).text()).toContain('name="password"');
  const login = await fetch(loginUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'alice', password }),
  });
  expect(login.status).toBe(302);
  return new URL(login.headers.get('location') ?? '');
}

/** Signs alice in end to end and leaves the app rendered at its return path, with `auth()` to drive it. */
async function signIn(pool: CognitoEmulator, props: Partial<CognitoProviderProps> = {}) {
  const probe = capture(useAuth, (auth) => <p>status:{auth.status}</p>);
  const start = renderApp(pool, <probe.Probe />, props);
  await screen.findByText('status:unauthenticated');
  await act(() => probe.current().signIn({ returnTo: '/reports' }));
  const callback = await hostedUiLogin(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
  start.unmount();
  pool.controls.resetRequestCounts();
  expect(callback.origin + callback.pathname).toBe(`${APP}/callback`);
  window.history.pushState(null, '', callback.pathname + callback.search);
  const navigate = vi.fn();
  const page = renderApp(
    pool,
    <>
      <AuthCallback navigate={navigate} />
      <probe.Probe />
    </>,
    props,
  );
  return { probe, navigate, page };
}

describe('against the emulator', () => {
  it('signs in end to end with one token request, no discovery, one JWKS fetch', async () => {
    const { navigate, probe } = await signIn(emulator);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/reports'));
    expect(window.location.search).toBe('');
    expect(emulator.controls.requestCounts()).toMatchObject({ discovery: 0, token: 1, jwks: 1, userInfo: 0 });
    expect(probe.current().user).toMatchObject({
      username: 'alice',
      email: 'alice@example.com',
      groups: ['editors'],
    });
    expect(stored(emulator)?.refresh_token).toBeTruthy();
  });

  it('renews without rotation, keeping the refresh token', async () => {
    const { navigate, probe } = await signIn(emulator, { renewBeforeExpirySeconds: 7200 });
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const before = stored(emulator);
    const token = await act(() => probe.current().getAccessToken());
    expect(token).not.toBe(before?.access_token);
    expect(stored(emulator)).toMatchObject({ access_token: token, refresh_token: before?.refresh_token });
    expect(emulator.controls.requestCounts().token).toBe(2);
  });

  it('renews with rotation, replacing the refresh token', async () => {
    const { navigate, probe } = await signIn(rotating, { renewBeforeExpirySeconds: 7200 });
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const before = stored(rotating);
    await act(() => probe.current().getAccessToken());
    expect(stored(rotating)?.refresh_token).toBeTruthy();
    expect(stored(rotating)?.refresh_token).not.toBe(before?.refresh_token);
    await act(() => probe.current().getAccessToken());
    expect(rotating.controls.requestCounts().token).toBe(3);
  });

  it('ends the session when the refresh token was revoked (invalid_grant), without retrying', async () => {
    const { navigate, probe } = await signIn(emulator, { renewBeforeExpirySeconds: 7200 });
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    emulator.controls.revokeUserSessions('alice');
    await act(() =>
      expect(probe.current().getAccessToken()).rejects.toMatchObject({
        code: 'refresh',
        error: 'invalid_grant',
      }),
    );
    await screen.findByText('status:unauthenticated');
    expect(probe.current().error?.code).toBe('refresh');
    expect(stored(emulator)).toBeNull();
    expect(emulator.controls.requestCounts().token).toBe(2);
  });

  it('signs out: revokes the refresh token and sends a /logout URL the pool accepts', async () => {
    const { navigate, probe } = await signIn(emulator);
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const refreshToken = stored(emulator)?.refresh_token ?? '';
    vi.mocked(redirectTo).mockReset();
    await act(() => probe.current().signOut());
    expect(emulator.controls.requestCounts().revoke).toBe(1);
    const logout = await fetch(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '', { redirect: 'manual' });
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${APP}/`);
    const refresh = await fetch(`${emulator.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: refreshToken,
      }),
    });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('builds a /logout URL the pool refuses when logout_uri is not registered', async () => {
    const { navigate, probe } = await signIn(emulator, { postLogoutRedirectUri: `${APP}/not-registered` });
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    vi.mocked(redirectTo).mockReset();
    await act(() => probe.current().signOut());
    const logout = await fetch(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '', { redirect: 'manual' });
    expect(logout.status).toBe(400);
  });

  it('refetches the JWKS once when the pool rotates its signing keys', async () => {
    const { navigate, probe } = await signIn(emulator, { renewBeforeExpirySeconds: 7200 });
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    emulator.controls.rotateSigningKeys();
    await act(() => probe.current().getAccessToken());
    expect(probe.current().status).toBe('authenticated');
    expect(emulator.controls.requestCounts()).toMatchObject({ token: 2, jwks: 2 });
  });

  it.each([
    ['another audience', { claims: { aud: 'someone-else' } }, /aud/],
    [
      'another issuer',
      { claims: { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' } },
      /iss/,
    ],
    ['an expiry an hour ago', { claims: { exp: Math.floor(Date.now() / 1000) - 3600 } }, /exp/],
    ['alg none', { alg: 'none' as const }, /alg/],
    ['a foreign signing key', { foreignKey: true }, /./],
    ['token_use access', { claims: { token_use: 'access' } }, /token_use/],
  ])('rejects an ID token with %s and stores nothing', async (_name, tamper, claim) => {
    const probe = capture(useAuth, (auth) => <p>status:{auth.status}</p>);
    const start = renderApp(emulator, <probe.Probe />);
    await screen.findByText('status:unauthenticated');
    await act(() => probe.current().signIn());
    const callback = await hostedUiLogin(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
    start.unmount();
    emulator.controls.tamperNextIdToken(tamper);
    window.history.pushState(null, '', callback.pathname + callback.search);
    const navigate = vi.fn();
    renderApp(emulator, <AuthCallback navigate={navigate} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/ID token rejected/);
    expect(alert.textContent).toMatch(claim);
    expect(sessionStorage.getItem(userKey(emulator))).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});
