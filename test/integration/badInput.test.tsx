import { act, render, screen } from '@testing-library/react';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { StrictMode } from 'react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { AuthError, CognitoProvider } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import {
  APP,
  CLIENT_ID,
  allStorage,
  landOnCallback,
  makeProbe,
  signInAgainWorks,
  startSignIn,
} from './support/emulatorApp.js';
import { setUpEmulatorPool } from './support/setUpEmulatorPool.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const pool = setUpEmulatorPool();

/** A well-formed pool ID of the emulator's region that is not the emulator's pool. */
const wrongPoolId = () => `${pool.region}_An0therP00l`;

/** No session (and no token) is in any Web Storage. */
const nothingStored = () => expect(allStorage()).not.toMatch(/oidc\.user:|access_token|refresh_token/);

/**
 * A TCP relay to `origin` on a port of its own, held until the test ends (so no other test worker can be handed it):
 * `cut()` resets every open connection and every new one at once, so nothing reaches `origin`, until `restore()`.
 *
 * @returns the relay's origin, to give the SDK in place of `origin`
 */
async function relayTo(origin: string) {
  const { hostname, port } = new URL(origin);
  const open = new Set<Socket>();
  let cut = false;
  const server = createServer((client) => {
    if (cut) return client.resetAndDestroy();
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket
        .on('error', () => undefined)
        .on('close', () => {
          open.delete(socket);
          client.destroy();
          upstream.destroy();
        });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, hostname, resolve));
  onTestFinished(async () => {
    for (const socket of open) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    origin: `http://${hostname}:${(server.address() as AddressInfo).port}`,
    cut: () => {
      cut = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore: () => {
      cut = false;
    },
  };
}

describe('bad input gets a clear error and loses nothing', () => {
  it('bad-pool-id: a wrong user pool ID fails the sign-in with an AuthError "config" naming the pool\'s keys and what to check, stores nothing, offers "Sign in again"', async () => {
    const wrong = { userPoolId: wrongPoolId() };
    const callback = await startSignIn(pool, wrong);
    const { probe, navigate } = await landOnCallback(pool, callback, wrong);
    const alert = await screen.findByRole('alert');
    const error = probe.current().error;
    expect(error).toBeInstanceOf(AuthError);
    expect(error?.code).toBe('config');
    expect(error?.message).toContain(`/${wrongPoolId()}/.well-known/jwks.json`);
    expect(error?.message).toMatch(/signing keys/);
    expect(error?.message).toMatch(/check userPoolId, region and endpoint\/authority/);
    expect(alert.textContent).toContain(error?.message);
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
    expect(screen.getByText('status:error error:config')).toBeTruthy();
    expect(navigate).not.toHaveBeenCalled();
    nothingStored();
  });

  it('bad-pool-id-discovery: without a domain, a wrong user pool ID fails signIn() with an AuthError "config" that says what to fix, no redirect, nothing stored', async () => {
    const probe = makeProbe();
    render(
      <StrictMode>
        <CognitoProvider userPoolId={wrongPoolId()} clientId={CLIENT_ID} endpoint={pool.issuerOrigin}>
          <probe.Probe />
        </CognitoProvider>
      </StrictMode>,
    );
    await screen.findByText(/status:unauthenticated/);
    vi.mocked(redirectTo).mockReset();
    const failure = await act(() =>
      probe
        .current()
        .signIn()
        .catch((error: unknown) => error),
    );
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure).toMatchObject({ code: 'config' });
    expect((failure as AuthError).message).toContain(`/${wrongPoolId()}/.well-known/openid-configuration`);
    expect((failure as AuthError).message).toMatch(/check userPoolId, region and endpoint\/authority\.$/);
    await screen.findByText('status:error error:config');
    expect(redirectTo).not.toHaveBeenCalled();
    nothingStored();
  });

  it('dead-token-endpoint: a dropped code exchange → AuthError "network" that says to check the connection, nothing stored, "Sign in again" works', async () => {
    const callback = await startSignIn(pool);
    pool.controls.failNext('token', 1, { drop: true });
    const { probe } = await landOnCallback(pool, callback);
    await screen.findByRole('alert');
    expect(probe.current().error).toBeInstanceOf(AuthError);
    expect(probe.current()).toMatchObject({ status: 'error', user: null, error: { code: 'network' } });
    expect(probe.current().error?.message).toMatch(/check the network connection and try again/);
    expect(pool.controls.requestCounts().token).toBe(1);
    nothingStored();
    await signInAgainWorks(pool, /check the network connection/);
  });

  it('dead-token-endpoint: the pool unreachable during the callback (every connection to its domain reset) → AuthError "network", nothing stored; once it is back "Sign in again" works', async () => {
    const relay = await relayTo(pool.domain);
    const viaRelay = { ...pool, domain: relay.origin };
    const callback = await startSignIn(viaRelay);
    relay.cut();
    const { probe } = await landOnCallback(viaRelay, callback);
    await screen.findByRole('alert');
    expect(probe.current().error).toBeInstanceOf(AuthError);
    expect(probe.current()).toMatchObject({ status: 'error', user: null, error: { code: 'network' } });
    expect(probe.current().error?.message).toMatch(/check the network connection and try again/);
    expect(pool.controls.requestCounts().token).toBe(0); // the code exchange never reached the pool
    nothingStored();
    relay.restore();
    await signInAgainWorks(viaRelay, /check the network connection/);
    expect(pool.controls.requestCounts().token).toBe(1);
  });

  it('hostile-callback-state: /callback with a code and an unknown, markup-laden state → AuthError "state" as text, no token request, "Sign in again" works', async () => {
    const state = '"><img src=x onerror=alert(1)>';
    const hostile = new URL(`${APP}/callback?${new URLSearchParams({ code: 'x', state }).toString()}`);
    const { probe, navigate } = await landOnCallback(pool, hostile);
    const alert = await screen.findByRole('alert');
    expect(probe.current().error).toBeInstanceOf(AuthError);
    expect(probe.current().error?.code).toBe('state');
    expect(alert.textContent).toMatch(/unknown, expired or already used — sign in again/);
    expect(document.querySelector('img')).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    expect(pool.controls.requestCounts().token).toBe(0);
    nothingStored();
    await signInAgainWorks(pool, /unknown, expired or already used/);
  });

  it('hostile-callback-error: error=access_denied with an <img onerror> error_description and a real state → AuthError "callback" shown as text, no token request, "Sign in again" works', async () => {
    const alertSpy = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    const callback = await startSignIn(pool);
    const description = '<img src=x onerror=alert(1)>';
    const denied = new URL(`${APP}/callback`);
    denied.search = new URLSearchParams({
      error: 'access_denied',
      error_description: description,
      state: callback.searchParams.get('state') ?? '',
    }).toString();
    const { probe, navigate } = await landOnCallback(pool, denied);
    const alert = await screen.findByRole('alert');
    expect(probe.current().error).toBeInstanceOf(AuthError);
    expect(probe.current().error).toMatchObject({
      code: 'callback',
      error: 'access_denied',
      errorDescription: description,
    });
    expect(alert.textContent).toContain(description);
    expect(alert.textContent).toContain('access_denied');
    expect(document.querySelector('img')).toBeNull();
    expect(alertSpy).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
    expect(pool.controls.requestCounts().token).toBe(0);
    nothingStored();
    await signInAgainWorks(pool, /access_denied/);
  });
});
