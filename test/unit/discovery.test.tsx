import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AuthCallback } from '../../src/index.js';
import { redirectTo } from '../../src/redirectTo.js';
import {
  CONFIG,
  ISSUER,
  renderWithProvider,
  statusProbe,
  storeSession,
  stubCognito,
  tokenResponse,
} from './support/fakeCognito.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const HOSTED = 'https://discovered.auth.us-east-1.amazoncognito.com';
const UPDATED_ISSUER = ISSUER.replace('https://cognito-idp.', 'https://issuer-cognito-idp.');
const DISCOVERY = {
  issuer: ISSUER,
  authorization_endpoint: `${HOSTED}/oauth2/authorize`,
  token_endpoint: `${HOSTED}/oauth2/token`,
  userinfo_endpoint: `${HOSTED}/oauth2/userInfo`,
  revocation_endpoint: `${HOSTED}/oauth2/revoke`,
  end_session_endpoint: `${HOSTED}/logout`,
  jwks_uri: `${ISSUER}/.well-known/jwks.json`,
};
/** The OpenMetadata way: only the authority and the client ID, no domain. */
const NO_DOMAIN = { userPoolId: CONFIG.userPoolId, clientId: CONFIG.clientId, authority: ISSUER };

describe('without a domain', () => {
  it('reads the discovery document once, before the redirect, and not again on the callback page', async () => {
    const cognito = stubCognito({ discovery: DISCOVERY });
    const probe = statusProbe();
    const page = renderWithProvider(<probe.Probe />, {}, NO_DOMAIN);
    await screen.findByText('unauthenticated');
    expect(cognito.seen).toEqual([]);
    await act(() => probe.current().signIn());
    expect(cognito.seen.map((r) => r.url)).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    const authorize = new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${HOSTED}/oauth2/authorize`);
    page.unmount();

    const { nonce, state } = Object.fromEntries(authorize.searchParams);
    window.history.pushState(null, '', `/callback?code=c&state=${state ?? ''}`);
    const exchange = vi.fn(async (_body: URLSearchParams) =>
      tokenResponse({ access_token: 'a', refresh_token: 'r' }, { nonce }),
    );
    const callbackPage = stubCognito({ discovery: DISCOVERY });
    vi.stubGlobal(
      'fetch',
      vi.fn((input: string, init?: RequestInit) =>
        input === `${HOSTED}/oauth2/token`
          ? exchange(new URLSearchParams(String(init?.body)))
          : callbackPage.fetch(input, init),
      ),
    );
    const navigate = vi.fn();
    renderWithProvider(<AuthCallback navigate={navigate} />, {}, NO_DOMAIN);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/', { replace: true }));
    expect(exchange).toHaveBeenCalledOnce();
    expect(exchange.mock.calls[0]?.[0].get('client_id')).toBe(CONFIG.clientId);
    expect(callbackPage.seen.map((r) => r.url)).toEqual([`${ISSUER}/.well-known/jwks.json`]);
  });

  it("takes a discovery document naming the pool's updated issuer (IssuerConfiguration UPDATED)", async () => {
    stubCognito({ discovery: { ...DISCOVERY, issuer: UPDATED_ISSUER } });
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />, {}, NO_DOMAIN);
    await screen.findByText('unauthenticated');
    await act(() => probe.current().signIn());
    expect(vi.mocked(redirectTo).mock.calls[0]?.[0]).toMatch(`${HOSTED}/oauth2/authorize?`);
  });

  it("refuses a discovery document whose issuer is not the pool's", async () => {
    stubCognito({
      discovery: { ...DISCOVERY, issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' },
    });
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />, {}, NO_DOMAIN);
    await screen.findByText('unauthenticated');
    await act(() => expect(probe.current().signIn()).rejects.toMatchObject({ code: 'config' }));
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('keeps a signed-in session when a sign-in (e.g. to switch accounts) fails on such a document: authenticated, with error config', async () => {
    await storeSession();
    stubCognito({ discovery: { ...DISCOVERY, issuer: `${ISSUER}x` } });
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />, {}, NO_DOMAIN);
    await screen.findByText('authenticated');
    await act(() => expect(probe.current().signIn()).rejects.toMatchObject({ code: 'config' }));
    expect(screen.getByText('authenticated')).toBeTruthy();
    expect(probe.current()).toMatchObject({ status: 'authenticated', error: { code: 'config' } });
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it("sends no token to a discovery document's endpoints when its issuer is not the pool's, in a tab that did not sign in (renewal, sign-out)", async () => {
    await storeSession();
    const EVIL = 'https://evil.test';
    const cognito = stubCognito({
      discovery: {
        ...DISCOVERY,
        issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other',
        token_endpoint: `${EVIL}/oauth2/token`,
        revocation_endpoint: `${EVIL}/oauth2/revoke`,
        end_session_endpoint: `${EVIL}/logout`,
      },
    });
    const probe = statusProbe();
    renderWithProvider(<probe.Probe />, { renewBeforeExpirySeconds: 7200 }, NO_DOMAIN);
    await screen.findByText('authenticated');
    await act(() => probe.current().getAccessToken()); // renews on every read; the old token is still valid
    expect(probe.current().error?.code).toBe('network'); // retried later: the session stays
    expect(probe.current().status).toBe('authenticated');
    await act(() => expect(probe.current().signOut()).rejects.toMatchObject({ code: 'config' }));
    expect(cognito.seen.map((r) => r.url).filter((url) => url.startsWith(EVIL))).toEqual([]);
    expect(vi.mocked(redirectTo).mock.calls.flat().join()).not.toContain(EVIL);
  });

  it("sends no code to a discovery document's token endpoint when its issuer is not the pool's (the cached one damaged)", async () => {
    stubCognito({ discovery: DISCOVERY });
    const probe = statusProbe();
    const page = renderWithProvider(<probe.Probe />, {}, NO_DOMAIN);
    await screen.findByText('unauthenticated');
    await act(() => probe.current().signIn());
    page.unmount();
    const { state } = Object.fromEntries(
      new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '').searchParams,
    );
    sessionStorage.setItem(`react-cognito-sso:metadata:${ISSUER}`, '{not JSON');
    window.history.pushState(null, '', `/callback?code=c&state=${state ?? ''}`);
    const cognito = stubCognito({
      discovery: { ...DISCOVERY, issuer: `${ISSUER}x`, token_endpoint: 'https://evil.test/oauth2/token' },
    });
    const callback = statusProbe();
    renderWithProvider(
      <>
        <AuthCallback navigate={vi.fn()} />
        <callback.Probe />
      </>,
      {},
      NO_DOMAIN,
    );
    await waitFor(() => expect(callback.current().error?.code).toBe('config'));
    expect(callback.current().error?.message).toMatch(/^discovery: issuer ".*x" is not /);
    expect(cognito.seen.map((r) => r.url).filter((url) => url.startsWith('https://evil.test'))).toEqual([]);
  });

  it.each([
    ['not JSON', '{not JSON'],
    ['not an object', '"x"'],
    ['JSON null', 'null'],
    [
      "another pool's",
      JSON.stringify({ ...DISCOVERY, issuer: `${ISSUER}x`, token_endpoint: 'https://evil.test/t' }),
    ],
  ])(
    'renders with a cached discovery document that is %s, and fetches it again on sign-in',
    async (_kind, value) => {
      sessionStorage.setItem(`react-cognito-sso:metadata:${ISSUER}`, value);
      const cognito = stubCognito({ discovery: DISCOVERY });
      const probe = statusProbe();
      renderWithProvider(<probe.Probe />, {}, NO_DOMAIN);
      await screen.findByText('unauthenticated');
      await act(() => probe.current().signIn());
      expect(cognito.seen.map((r) => r.url)).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
      expect(vi.mocked(redirectTo).mock.calls[0]?.[0]).toMatch(`${HOSTED}/oauth2/authorize?`);
    },
  );
});
