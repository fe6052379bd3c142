import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuthContextValue } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import { APP, CONFIG, DOMAIN, renderWithProvider, statusProbe, stubCognito } from './support/fakeCognito.js';
import { gate } from './support/fakeTime.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const { Probe, current: auth } = statusProbe();

async function authorizeUrl(options?: Parameters<AuthContextValue['signIn']>[0]): Promise<URL> {
  const cognito = stubCognito();
  renderWithProvider(<Probe />);
  await screen.findByText('unauthenticated');
  await act(() => auth().signIn(options));
  expect(redirectTo).toHaveBeenCalledOnce();
  expect(cognito.seen).toEqual([]); // static metadata: nothing fetched before the redirect
  return new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
}

describe('signIn()', () => {
  it('sends the browser to /oauth2/authorize with code + PKCE S256, a nonce, state and the scopes', async () => {
    const url = await authorizeUrl();
    const q = url.searchParams;
    expect(url.origin + url.pathname).toBe(`${DOMAIN}/oauth2/authorize`);
    expect(q.get('client_id')).toBe(CONFIG.clientId);
    expect(q.get('redirect_uri')).toBe(`${APP}/callback`);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{32,}$/);
    expect(q.get('state')).toMatch(/^\w{32}$/);
    expect(q.get('response_mode')).toBe('query');
    expect(q.has('identity_provider')).toBe(false);
  });

  it('passes identity_provider, login_hint and lang', async () => {
    const q = (await authorizeUrl({ identityProvider: 'Google', loginHint: 'alice@example.com', lang: 'fr' }))
      .searchParams;
    expect(q.get('identity_provider')).toBe('Google');
    expect(q.get('login_hint')).toBe('alice@example.com');
    expect(q.get('lang')).toBe('fr');
  });

  it('adds the hosted UI to the history, or with replace: true puts it in place of the current page', async () => {
    await authorizeUrl();
    expect(vi.mocked(redirectTo).mock.calls[0]?.[1]).not.toMatchObject({ replace: true });
    await act(() => auth().signIn({ replace: true }));
    expect(vi.mocked(redirectTo).mock.calls[1]?.[1]).toEqual({ replace: true });
  });

  it('uses a fresh nonce, state and code challenge on every sign-in', async () => {
    const first = (await authorizeUrl()).searchParams;
    await act(() => auth().signIn());
    const second = new URL(vi.mocked(redirectTo).mock.calls[1]?.[0] ?? '').searchParams;
    for (const name of ['nonce', 'state', 'code_challenge'])
      expect(second.get(name)).not.toBe(first.get(name));
  });

  it('joins a sign-in in progress with the same options, so that two guards on one page start one', async () => {
    stubCognito();
    renderWithProvider(<Probe />);
    await screen.findByText('unauthenticated');
    const first = auth().signIn({ returnTo: '/a', lang: 'fr' });
    expect(auth().signIn({ lang: 'fr', returnTo: '/a' })).toBe(first);
    const other = auth().signIn({ returnTo: '/a', identityProvider: 'Google' }); // a choice of its own
    expect(other).not.toBe(first);
    const replacing = auth().signIn({ returnTo: '/a', identityProvider: 'Google', replace: true });
    expect(replacing).not.toBe(other); // another history mode
    await act(() => Promise.all([first, other, replacing]));
    expect(redirectTo).toHaveBeenCalledTimes(3);
    expect(
      vi.mocked(redirectTo).mock.calls.filter(([url]) => url.includes('identity_provider=Google')),
    ).toHaveLength(2);
  });

  it('still joins the latest sign-in in progress after an earlier one with other options has ended', async () => {
    stubCognito();
    renderWithProvider(<Probe />);
    await screen.findByText('unauthenticated');
    const { release, released } = gate();
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    let digests = 0;
    vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
      if (++digests === 2) await released; // the second sign-in's code challenge, held back
      return digest(algorithm, data);
    });
    const first = auth().signIn({ returnTo: '/a' });
    const second = auth().signIn({ returnTo: '/b' });
    await act(() => first);
    expect(auth().signIn({ returnTo: '/b' })).toBe(second);
    release();
    await act(() => second);
    expect(redirectTo).toHaveBeenCalledTimes(2);
  });

  it('rejects with AuthError config, as the session error, when its state cannot be stored (storage full or blocked)', async () => {
    stubCognito();
    renderWithProvider(<Probe />);
    await screen.findByText('unauthenticated');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await act(() => expect(auth().signIn()).rejects.toMatchObject({ name: 'AuthError', code: 'config' }));
    expect(auth()).toMatchObject({ status: 'error', error: { code: 'config' } });
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('takes a click event passed as options (onClick={signIn}) as no options', async () => {
    stubCognito();
    renderWithProvider(<Probe />);
    await screen.findByText('unauthenticated');
    const click = new MouseEvent('click') as unknown as Record<string, unknown>;
    click.self = click; // a circular structure, as React's synthetic events are
    await act(() => auth().signIn(click));
    expect(redirectTo).toHaveBeenCalledOnce();
  });

  it('keeps the return path in local sign-in state, not in the URL', async () => {
    const url = await authorizeUrl({ returnTo: '/reports?id=7' });
    expect(url.href).not.toContain('reports');
    const state = sessionStorage.getItem(`oidc.${url.searchParams.get('state') ?? ''}`);
    expect(JSON.parse(state ?? '{}')).toMatchObject({ data: { returnTo: '/reports?id=7' } });
  });

  it('reduces a foreign return path to "/" before storing it', async () => {
    const url = await authorizeUrl({ returnTo: '//evil.example/x' });
    const state = sessionStorage.getItem(`oidc.${url.searchParams.get('state') ?? ''}`);
    expect(JSON.parse(state ?? '{}')).toMatchObject({ data: { returnTo: '/' } });
  });
});
