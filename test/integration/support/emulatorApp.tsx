import { act, render, screen, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import type { CognitoEmulator, EmulatorUser } from 'react-cognito-sso/emulator';
import { expect, vi } from 'vitest';
import { AuthCallback, CognitoProvider, useAuth, type CognitoProviderProps } from '../../../src/index.js';
import { redirectTo } from '../../../src/redirectTo.js';
import { capture } from '../../unit/support/fakeCognito.js';

/** jsdom's origin, registered as the app client's callback and sign-out origin. */
export const APP = 'http://localhost:3000';
export const CLIENT_ID = 'hardeningclient1';
export const CLIENTS = [{ clientId: CLIENT_ID, callbackUrls: [`${APP}/callback`], logoutUrls: [`${APP}/`] }];
export const ALICE: EmulatorUser = {
  username: 'alice',
  password: 'Alice-Pass-1',
  email: 'alice@example.com',
  groups: ['editors'],
};

/** The storage key of the session (oidc-client-ts's `oidc.user:{authority}:{client}`). */
export const userKey = (pool: CognitoEmulator): string => `oidc.user:${pool.issuer}:${CLIENT_ID}`;

/** The stored session's tokens (in `store`, default: sessionStorage), or `null` when none is stored. */
export const stored = (pool: CognitoEmulator, store: Storage = sessionStorage) =>
  JSON.parse(store.getItem(userKey(pool)) ?? 'null') as {
    access_token: string;
    id_token: string;
    refresh_token: string;
  } | null;

/** Every value in session and local storage, joined (to look for tokens). */
export const allStorage = (): string =>
  [sessionStorage, localStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`)).join('\n');

/** The URL the SDK last sent the browser to (hosted UI, `/logout`, or the app after the callback). */
export const lastRedirect = (): string => vi.mocked(redirectTo).mock.lastCall?.[0] ?? '';

/** A probe of `useAuth()` that prints `status:<status> error:<code>` and hands the value to the test. */
export const makeProbe = (label = '') =>
  capture(useAuth, (auth) => (
    <p>
      {label}status:{auth.status} error:{auth.error?.code ?? 'none'}
    </p>
  ));

/** Renders `ui` in `<StrictMode><CognitoProvider>` configured for `pool`, plus `props`. */
export function renderApp(
  pool: CognitoEmulator,
  ui: ReactNode,
  props: Partial<CognitoProviderProps> = {},
): RenderResult {
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

/** Drives the hosted UI as a browser would: authorize → login form → the redirect back to the callback. */
async function hostedUiLogin(authorizeUrl: string, user: EmulatorUser = ALICE): Promise<URL> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const loginUrl = new URL(authorize.headers.get('location') ?? '', authorizeUrl);
  expect(await (await fetch(loginUrl)).text()).toContain('name="password"');
  const login = await fetch(loginUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: user.username, password: user.password }),
  });
  expect(login.status).toBe(302);
  return new URL(login.headers.get('location') ?? '');
}

/**
 * Starts a sign-in on a signed-out page and logs in at the hosted UI; returns the callback URL (not yet visited),
 * with request counts reset so that the callback's requests are what the test sees.
 */
export async function startSignIn(
  pool: CognitoEmulator,
  props: Partial<CognitoProviderProps> = {},
  user: EmulatorUser = ALICE,
): Promise<URL> {
  const probe = makeProbe();
  const page = renderApp(pool, <probe.Probe />, props);
  await screen.findByText(/status:(unauthenticated|authenticated)/);
  vi.mocked(redirectTo).mockReset();
  await act(() => probe.current().signIn({ returnTo: '/reports' }));
  const callback = await hostedUiLogin(lastRedirect(), user);
  expect(callback.origin + callback.pathname).toBe(`${APP}/callback`);
  page.unmount();
  vi.mocked(redirectTo).mockReset();
  pool.controls.resetRequestCounts();
  return callback;
}

/** Lands on `callback` and renders `<AuthCallback>` with a probe; resolves once the sign-in finished or failed. */
export async function landOnCallback(
  pool: CognitoEmulator,
  callback: URL,
  props: Partial<CognitoProviderProps> = {},
) {
  window.history.pushState(null, '', callback.pathname + callback.search);
  const navigate = vi.fn();
  const probe = makeProbe();
  const page = renderApp(
    pool,
    <>
      <AuthCallback navigate={navigate} />
      <probe.Probe />
    </>,
    props,
  );
  return { navigate, probe, page };
}

/** Signs alice in end to end; resolves once the callback navigated to the return path. */
export async function signedIn(
  pool: CognitoEmulator,
  props: Partial<CognitoProviderProps> = {},
  user = ALICE,
) {
  const app = await landOnCallback(pool, await startSignIn(pool, props, user), props);
  await vi.waitFor(() => expect(app.navigate).toHaveBeenCalledWith('/reports', { replace: true }));
  return app;
}

/** Redeems `refreshToken` at the pool's token endpoint as the app client would; resolves to the JSON answer. */
export async function refreshGrant(pool: CognitoEmulator, refreshToken: string): Promise<unknown> {
  const refresh = await fetch(`${pool.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: refreshToken,
    }),
  });
  return refresh.json();
}

/**
 * The page shows the failure (its text matching `alert`) with "Sign in again"; clicking it reaches the hosted UI,
 * and that sign-in completes.
 */
export async function signInAgainWorks(pool: CognitoEmulator, alert: RegExp): Promise<void> {
  expect((await screen.findByRole('alert')).textContent).toMatch(alert);
  vi.mocked(redirectTo).mockReset();
  await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
  await vi.waitFor(() => expect(lastRedirect()).toContain(`${pool.domain}/oauth2/authorize?`));
  const callback = await hostedUiLogin(lastRedirect());
  const again = await landOnCallback(pool, callback);
  await vi.waitFor(() => expect(again.navigate).toHaveBeenCalledWith('/', { replace: true }));
  expect(again.probe.current().status).toBe('authenticated');
}
