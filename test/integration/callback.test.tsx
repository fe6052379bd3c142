import { act, screen } from '@testing-library/react';
import { Suspense, lazy, useEffect } from 'react';
import type { Fault } from 'react-cognito-sso/emulator';
import { describe, expect, it, vi } from 'vitest';
import { AuthCallback, type AuthErrorCode } from '../../src/index.js';
import { gate } from '../unit/support/fakeTime.js';
import {
  landOnCallback,
  renderApp,
  signedIn,
  signInAgainWorks,
  startSignIn,
  userKey,
} from './support/emulatorApp.js';
import { setUpEmulatorPool } from './support/setUpEmulatorPool.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const pool = setUpEmulatorPool();

describe('the callback (RFC 9700 §2.1, §4.2, §4.5, §4.7, §4.11)', () => {
  it('callback-state-missing: a code without state makes no token request', async () => {
    const callback = await startSignIn(pool);
    callback.searchParams.delete('state');
    const { probe } = await landOnCallback(pool, callback);
    await screen.findByRole('alert');
    expect(probe.current().error?.code).toBe('state');
    // as the README's troubleshooting table quotes it
    expect(screen.getByRole('alert').textContent).toContain('No sign-in in progress (page reloaded?)');
    expect(pool.controls.requestCounts().token).toBe(0);
  });

  it('callback-state-unknown: a forged state makes no token request and "Sign in again" works', async () => {
    const callback = await startSignIn(pool);
    callback.searchParams.set('state', 'forged0123456789abcdef0123456789');
    const { probe } = await landOnCallback(pool, callback);
    await screen.findByRole('alert');
    expect(probe.current().error?.code).toBe('state');
    expect(pool.controls.requestCounts().token).toBe(0);
    await signInAgainWorks(pool, /unknown, expired or already used/);
  });

  it("callback-state-other-tab: a response to another tab's sign-in (its state is not in this tab) makes no token request", async () => {
    const callback = await startSignIn(pool);
    const otherTabState = Object.keys(sessionStorage).filter(
      (k) => k.startsWith('oidc.') && k !== userKey(pool),
    );
    otherTabState.forEach((key) => sessionStorage.removeItem(key)); // this tab's sessionStorage never had it
    const { probe } = await landOnCallback(pool, callback);
    await screen.findByRole('alert');
    expect(probe.current().error?.code).toBe('state');
    expect(pool.controls.requestCounts().token).toBe(0);
  });

  it('callback-state-used: an already used callback URL makes no second token request (signed out: an error; signed in: the app)', async () => {
    const callback = await startSignIn(pool);
    const first = await landOnCallback(pool, callback);
    await vi.waitFor(() => expect(first.navigate).toHaveBeenCalledWith('/reports', { replace: true }));
    first.page.unmount();
    const withSession = await landOnCallback(pool, callback);
    await vi.waitFor(() => expect(withSession.navigate).toHaveBeenCalledWith('/', { replace: true }));
    withSession.page.unmount();
    sessionStorage.removeItem(userKey(pool));
    const signedOut = await landOnCallback(pool, callback);
    expect((await screen.findByRole('alert')).textContent).toMatch(/already used/);
    expect(signedOut.probe.current().error?.code).toBe('state');
    expect(pool.controls.requestCounts().token).toBe(1);
  });

  it('callback-return-to-tampered: a return path changed in the stored sign-in state (to another origin) lands on "/"', async () => {
    const callback = await startSignIn(pool);
    const key = `oidc.${callback.searchParams.get('state') ?? ''}`;
    const signInState = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { data: { returnTo: string } };
    expect(signInState.data.returnTo).toBe('/reports');
    signInState.data.returnTo = 'https://evil.example/reports';
    sessionStorage.setItem(key, JSON.stringify(signInState));
    const { navigate, probe } = await landOnCallback(pool, callback);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
    expect(probe.current().status).toBe('authenticated');
  });

  it('callback-storage-cleared: storage cleared between redirect and callback → "sign-in expired, try again", no crash', async () => {
    const callback = await startSignIn(pool);
    sessionStorage.clear();
    localStorage.clear();
    const { probe, navigate } = await landOnCallback(pool, callback);
    await screen.findByRole('alert');
    expect(probe.current().error).toMatchObject({ name: 'AuthError', code: 'state' });
    expect(probe.current().error?.message).toMatch(/expired.*sign in again/);
    expect(navigate).not.toHaveBeenCalled();
    expect(pool.controls.requestCounts().token).toBe(0);
    await signInAgainWorks(pool, /expired/);
  });

  it('callback-error-description: error=access_denied with a hostile error_description is shown as text, no token request', async () => {
    const callback = await startSignIn(pool);
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>Access denied';
    const state = callback.searchParams.get('state') ?? '';
    const denied = new URL(`${callback.origin}${callback.pathname}`);
    denied.search = new URLSearchParams({
      error: 'access_denied',
      error_description: hostile,
      state,
    }).toString();
    const { probe } = await landOnCallback(pool, denied);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(hostile);
    expect(alert.querySelector('img, script')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    expect(probe.current().error).toMatchObject({
      code: 'callback',
      error: 'access_denied',
      errorDescription: hostile,
    });
    expect(pool.controls.requestCounts().token).toBe(0);
    await signInAgainWorks(pool, /Access denied/);
  });

  it('callback-reload: reloading /callback after sign-in goes straight to the app, no second token request', async () => {
    const { page } = await signedIn(pool);
    expect(window.location.pathname + window.location.search).toBe('/callback');
    page.unmount();
    const reloaded = await landOnCallback(pool, new URL(window.location.href));
    await vi.waitFor(() => expect(reloaded.navigate).toHaveBeenCalledWith('/', { replace: true }));
    expect(pool.controls.requestCounts().token).toBe(1);
  });

  it('callback-back: Back to the hosted UI (a fresh code for an already used state) goes straight to the app, no token request', async () => {
    const callback = await startSignIn(pool);
    const first = await landOnCallback(pool, callback);
    await vi.waitFor(() => expect(first.navigate).toHaveBeenCalled());
    first.page.unmount();
    const replayed = new URL(callback);
    replayed.searchParams.set('code', 'a-fresh-code-from-the-hosted-ui-session');
    const back = await landOnCallback(pool, replayed);
    await vi.waitFor(() => expect(back.navigate).toHaveBeenCalledWith('/', { replace: true }));
    expect(pool.controls.requestCounts().token).toBe(1);
  });

  it('callback-bfcache: a /callback page restored from the back/forward cache (pageshow persisted) makes no token request', async () => {
    const { navigate } = await signedIn(pool);
    navigate.mockReset();
    await act(async () => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await Promise.resolve();
    });
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
    await act(async () => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
      await Promise.resolve();
    });
    expect(navigate).toHaveBeenCalledOnce();
    expect(pool.controls.requestCounts().token).toBe(1);
  });

  it('callback-clean-url: code and state leave the address bar and the history entry before the exchange answers', async () => {
    const callback = await startSignIn(pool);
    pool.controls.failNext('token', 1, { delayMs: 300 });
    const entries = window.history.length + 1; // landOnCallback pushes the callback URL, as the redirect would
    const { navigate } = await landOnCallback(pool, callback);
    expect(window.location.search).toBe('');
    expect(window.history.length).toBe(entries); // replaced in place, no entry of its own
    expect(window.location.href).not.toContain(callback.searchParams.get('code') ?? '-');
    expect(navigate).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/reports', { replace: true }));
  });

  it('callback-clean-url: the app never renders with code and state in the address bar (a component before <AuthCallback>, its effects, a lazily loaded <AuthCallback>)', async () => {
    const callback = await startSignIn(pool);
    const seen: string[] = [];
    function Analytics() {
      seen.push(window.location.search);
      useEffect(() => void seen.push(window.location.search));
      return null;
    }
    window.history.pushState(null, '', callback.pathname + callback.search);
    const { release, released } = gate();
    const LazyCallback = lazy(() => released.then(() => ({ default: AuthCallback })));
    const navigate = vi.fn();
    renderApp(
      pool,
      <>
        <Analytics />
        <Suspense>
          <LazyCallback navigate={navigate} />
        </Suspense>
      </>,
    );
    expect(window.location.search).toBe('');
    release();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/reports', { replace: true }));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter(Boolean)).toEqual([]);
  });

  it.each<{ what: string; fault: Fault; code: AuthErrorCode; alert: RegExp }>([
    {
      what: 'fails (invalid_grant)',
      fault: { status: 400, body: '{"error":"invalid_grant"}' },
      code: 'callback',
      alert: /invalid_grant/,
    },
    {
      what: 'answers 500 with an HTML page',
      fault: { status: 500, body: '<html>oops</html>', contentType: 'text/html' },
      code: 'network',
      alert: /Content-Type/,
    },
    {
      what: 'answers malformed JSON',
      fault: { status: 200, body: '{"access_tok' },
      code: 'network',
      alert: /JSON/,
    },
    {
      what: 'answers {}',
      fault: { status: 200, body: '{}' },
      code: 'token',
      alert: /token endpoint answered without a valid ID token/,
    },
    {
      what: 'hangs past requestTimeoutSeconds',
      fault: { delayMs: 3000 },
      code: 'network',
      alert: /— check the network connection and try again\./,
    },
    {
      what: 'stalls after its headers',
      fault: { stall: true },
      code: 'network',
      alert: /No answer within 1 s — check the network connection and try again\./,
    },
  ])(
    'callback-exchange: a code exchange that $what → a clear error (code $code), "Sign in again" works',
    async ({ fault, code, alert }) => {
      const callback = await startSignIn(pool, { requestTimeoutSeconds: 1 });
      pool.controls.failNext('token', 1, fault);
      const { probe } = await landOnCallback(pool, callback, { requestTimeoutSeconds: 1 });
      expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toMatch(
        /^Sign-in failed: /,
      );
      expect(probe.current()).toMatchObject({ status: 'error', user: null, error: { code } });
      expect(probe.current().error?.message).toMatch(alert);
      expect(sessionStorage.getItem(userKey(pool))).toBeNull();
      await signInAgainWorks(pool, alert);
    },
  );
});
