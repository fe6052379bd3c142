import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';
import { authorizeParams, exchangeCode, get, pkcePair, postForm, signIn } from './flow.js';
import type { TokenResponse } from './flow.js';

let emulator: CognitoEmulator;
beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: [
      {
        clientId: 'app123',
        name: 'App <One>',
        callbackUrls: ['http://localhost:3000/callback', 'https://app.example.com/callback?tenant=a'],
        logoutUrls: ['http://localhost:3000/'],
        allowedScopes: ['openid', 'email', 'profile'],
      },
      // Every scope allowed (the default), for the checks that need `phone`.
      { clientId: 'allscopes', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] },
    ],
  });
});
afterAll(() => emulator.stop());

const { challenge } = pkcePair();
const authorize = (
  overrides: Record<string, string | undefined> = {},
  headers: Record<string, string> = {},
): Promise<Response> =>
  get(`${emulator.domain}/oauth2/authorize?${authorizeParams(emulator, challenge, overrides)}`, headers);

/** The OAuth error parameters of a redirect to the callback URL. */
function redirectError(response: Response): Record<string, string> {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/callback');
  return Object.fromEntries(location.searchParams);
}

/** Checks an error page: 400, no redirect, the `message` and the `error` code it shows. */
async function expectErrorPage(response: Response, message: string, error: string): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  expect(response.headers.get('content-type')).toContain('text/html');
  const html = (await response.text()).replaceAll('&#39;', "'");
  expect(html).toContain(message);
  expect(html).toContain(`error: <code>${error}</code>`);
}

describe('authorize: no redirect when the client or redirect URI cannot be trusted', () => {
  it.each([
    ['an unknown client', { client_id: 'nope' }, 'Invalid client_id', 'invalid_client'],
    [
      'a missing client_id',
      { client_id: undefined },
      "Required String parameter 'client_id' is not present",
      'invalid_request',
    ],
    [
      'an empty client_id',
      { client_id: '' },
      "Required String parameter 'client_id' is not present",
      'invalid_request',
    ],
    [
      'a missing redirect_uri',
      { redirect_uri: undefined },
      "Required String parameter 'redirect_uri' is not present",
      'invalid_request',
    ],
    [
      'a redirect_uri not in the list',
      { redirect_uri: 'http://localhost:3000/evil' },
      'redirect_mismatch: redirect_uri http://localhost:3000/evil is not one of the callback URLs of this app client (http://localhost:3000/callback, https://app.example.com/callback?tenant=a)',
      'redirect_mismatch',
    ],
    [
      'a redirect_uri with a trailing slash',
      { redirect_uri: 'http://localhost:3000/callback/' },
      'redirect_mismatch',
      'redirect_mismatch',
    ],
    [
      'a redirect_uri differing in case',
      { redirect_uri: 'http://LOCALHOST:3000/callback' },
      'redirect_mismatch',
      'redirect_mismatch',
    ],
    [
      'a redirect_uri with extra query',
      { redirect_uri: 'http://localhost:3000/callback?x=1' },
      'redirect_mismatch',
      'redirect_mismatch',
    ],
  ])('%s → error page', async (_name, overrides, message, error) => {
    await expectErrorPage(await authorize(overrides), message, error);
  });

  it.each([
    ['client_id', 'Invalid client_id', 'invalid_client'],
    ['redirect_uri', 'redirect_mismatch', 'redirect_mismatch'],
  ])('%s given twice (same value) → error page, no redirect', async (name, message, error) => {
    const params = authorizeParams(emulator, challenge);
    params.append(name, params.get(name) ?? '');
    await expectErrorPage(await get(`${emulator.domain}/oauth2/authorize?${params}`), message, error);
  });

  it('accepts a registered callback URL with its own query, exactly', async () => {
    const response = await authorize({ redirect_uri: 'https://app.example.com/callback?tenant=a' });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '').pathname).toBe('/login');
  });
});

describe('authorize: OAuth errors go back to the redirect URI with the state', () => {
  it.each([
    ['missing PKCE', { code_challenge: undefined }, 'invalid_request'],
    ['PKCE without a method', { code_challenge_method: undefined }, 'invalid_request'],
    ['plain PKCE', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['a malformed challenge', { code_challenge: 'short' }, 'invalid_request'],
    ['a challenge one character too long', { code_challenge: 'A'.repeat(44) }, 'invalid_request'],
    ['a missing response_type', { response_type: undefined }, 'invalid_request'],
    ['response_type=id_token', { response_type: 'id_token' }, 'invalid_request'],
    ['the implicit grant', { response_type: 'token' }, 'unauthorized_client'],
    ['a scope the client does not allow', { scope: 'openid phone' }, 'invalid_scope'],
    ['an unknown scope', { scope: 'openid admin:all' }, 'invalid_scope'],
    ['email and profile without openid', { scope: 'email profile' }, 'invalid_scope'],
    ['email alone (no openid)', { client_id: 'allscopes', scope: 'email' }, 'invalid_scope'],
    ['phone alone (no openid)', { client_id: 'allscopes', scope: 'phone' }, 'invalid_scope'],
    ['profile alone (no openid)', { client_id: 'allscopes', scope: 'profile' }, 'invalid_scope'],
    ['an identity provider that is not enabled', { identity_provider: 'Google' }, 'invalid_request'],
    ['an unknown prompt', { prompt: 'always' }, 'invalid_request'],
  ])('%s → %s', async (_name, overrides, error) => {
    const params = redirectError(await authorize(overrides));
    expect(params.error).toBe(error);
    expect(params.state).toBe('state-123');
    expect(params.error_description).toBeTruthy();
    expect(params.code).toBeUndefined();
  });

  it('sends no state back when the request had none', async () => {
    const params = redirectError(await authorize({ state: undefined, prompt: 'always' }));
    expect(params.error).toBe('invalid_request');
    expect(params).not.toHaveProperty('state');
  });

  it('refuses a parameter given twice', async () => {
    const query = `${authorizeParams(emulator, challenge)}&scope=openid`;
    const params = redirectError(await get(`${emulator.domain}/oauth2/authorize?${query}`));
    expect(params.error).toBe('invalid_request');
  });
});

describe('authorize: accepted parameters', () => {
  it.each([
    ['identity_provider=COGNITO', { identity_provider: 'COGNITO' }],
    ['idp_identifier and lang', { idp_identifier: 'example.com', lang: 'fr' }],
    ['no scope (all allowed scopes)', { scope: undefined }],
    ['no state and no nonce', { state: undefined, nonce: undefined }],
    ['prompt=consent', { prompt: 'consent' }],
    ['prompt=select_account', { prompt: 'select_account' }],
  ])('%s → the sign-in page', async (_name, overrides) => {
    const response = await authorize(overrides);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin).toBe(emulator.domain);
    expect(location.pathname).toBe('/login');
  });
});

describe('authorize: the scopes granted', () => {
  it.each([
    ['no scope', undefined],
    ['a blank scope', ' '],
  ])("%s grants all the client's allowed scopes", async (_name, scope) => {
    const response = await exchangeCode(emulator, await signIn(emulator, { params: { scope } }));
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as TokenResponse;
    expect(decodeJwt(tokens.access_token).scope).toBe('openid email profile');
    expect(tokens.id_token).toBeDefined();
  });
});

describe('hosted-UI sign-in page', () => {
  const loginUrl = (overrides: Record<string, string | undefined> = {}): string =>
    `${emulator.domain}/login?${authorizeParams(emulator, challenge, overrides)}`;

  it('is sent, like every hosted-UI page, uncached, unsniffed, without referrer, under a CSP that runs no script', async () => {
    const pages = [await get(loginUrl()), await authorize({ client_id: 'nope' })];
    for (const { headers } of pages) {
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      );
    }
    const redirect = await authorize();
    expect([redirect.status, redirect.headers.get('cache-control')]).toEqual([302, 'no-store']);
  });

  it('has labelled Username (empty without login_hint) and Password fields and a Sign in button, and refuses framing', async () => {
    const response = await get(loginUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    expect(html).toMatch(/<label for="username">Username<\/label>\s*<input id="username" name="username"/);
    expect(html).toMatch(
      /<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/,
    );
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).toContain('required value="">');
    expect(html).toContain('App &lt;One&gt;');
    expect(html).toContain('for development only');
  });

  it('pre-fills Username from login_hint, escaped', async () => {
    const html = await (await get(loginUrl({ login_hint: '"><script>alert(1)</script>' }))).text();
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>');
  });

  it('sets the page language from lang', async () => {
    expect(await (await get(loginUrl({ lang: 'fr' }))).text()).toContain('<html lang="fr">');
    expect(await (await get(loginUrl({ lang: '"><x' }))).text()).toContain('<html lang="en">');
  });

  it('keeps the state and parameters in the form action, escaped', async () => {
    const html = await (await get(loginUrl({ state: '<s>&"' }))).text();
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(action.startsWith('/login?')).toBe(true);
    expect(action).not.toMatch(/[<>"]/);
    expect(new URLSearchParams(action.replaceAll('&amp;', '&').slice('/login?'.length)).get('state')).toBe(
      '<s>&"',
    );
  });

  it.each([
    ['a wrong password', 'alice', 'wrong'],
    ['an unknown user', 'mallory', 'Alice-Pass-1'],
  ])('shows an error for %s and does not redirect', async (_name, username, password) => {
    const response = await postForm(loginUrl(), { username, password });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
    const html = await response.text();
    expect(html).toContain('Incorrect username or password.');
    expect(html).toContain(`value="${username}"`);
  });

  it.each([
    [
      'not form-encoded',
      'application/json',
      'username=alice&password=Alice-Pass-1',
      'Content-Type must be application/x-www-form-urlencoded',
    ],
    [
      'with a field twice',
      'application/x-www-form-urlencoded',
      'username=alice&username=alice&password=Alice-Pass-1',
      'parameter username given more than once',
    ],
    [
      'over 64 KiB',
      'application/x-www-form-urlencoded',
      'username=alice&password=Alice-Pass-1&x='.padEnd(64 * 1024 + 1, 'x'),
      'request body too large',
    ],
  ])(
    'refuses a sign-in form %s with the error page, no redirect and no session',
    async (_name, type, body, message) => {
      const response = await fetch(loginUrl(), {
        method: 'POST',
        headers: { 'content-type': type },
        body,
        redirect: 'manual',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await response.text()).toContain(message);
    },
  );

  it('refuses a form without username, showing the Username field empty again', async () => {
    const response = await postForm(loginUrl(), { password: 'Alice-Pass-1' });
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
    const html = await response.text();
    expect(html).toContain('Incorrect username or password.');
    expect(html).toContain('required value="">');
  });

  it('escapes a typed username shown again after a failure', async () => {
    const html = await (await postForm(loginUrl(), { username: '<img src=x>', password: 'x' })).text();
    expect(html).toContain('value="&lt;img src=x&gt;"');
    expect(html).not.toContain('<img src=x>');
  });

  it('validates the authorize parameters on the form too', async () => {
    const response = await postForm(loginUrl({ redirect_uri: 'http://localhost:3000/evil' }), {
      username: 'alice',
      password: 'Alice-Pass-1',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('signs in case-insensitively by username and redirects with code and state', async () => {
    const { location, code, cookie } = await signIn(emulator, { username: 'ALICE' });
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/callback');
    expect(code).toMatch(/^[0-9a-f-]{36}$/);
    expect(location.searchParams.get('state')).toBe('state-123');
    expect(cookie).toMatch(/^cognito=[\w-]+$/);
  });

  it('redirects with the code and no state when the request had none', async () => {
    const { location, code } = await signIn(emulator, { params: { state: undefined } });
    expect(code).toMatch(/^[0-9a-f-]{36}$/);
    expect([...location.searchParams.keys()]).toEqual(['code']);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, for 1 hour', async () => {
    const response = await postForm(loginUrl(), { username: 'alice', password: 'Alice-Pass-1' });
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^cognito=[\w-]+; Path=\/; Max-Age=3600; HttpOnly; SameSite=Lax$/);
  });
});

describe('hosted-UI session', () => {
  it('skips the form on a second authorize within the session', async () => {
    const { cookie } = await signIn(emulator);
    const response = await authorize({ state: 'second' }, { cookie });
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/callback');
    expect(location.searchParams.get('code')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('second');
  });

  it('still validates the request when a session exists', async () => {
    const { cookie } = await signIn(emulator);
    expect(redirectError(await authorize({ code_challenge_method: 'plain' }, { cookie })).error).toBe(
      'invalid_request',
    );
  });

  it('shows the form with prompt=login despite a session', async () => {
    const { cookie } = await signIn(emulator);
    const response = await authorize({ prompt: 'login' }, { cookie });
    expect(new URL(response.headers.get('location') ?? '').pathname).toBe('/login');
  });

  it('answers login_required for prompt=none without a session', async () => {
    expect(redirectError(await authorize({ prompt: 'none' })).error).toBe('login_required');
  });

  it('finds the session cookie among other cookies', async () => {
    const { cookie } = await signIn(emulator);
    const response = await authorize({}, { cookie: `cognitos; theme=dark; ${cookie} ; lang=fr` });
    expect(new URL(response.headers.get('location') ?? '').pathname).toBe('/callback');
  });

  it('ignores an unknown session cookie', async () => {
    const response = await authorize({}, { cookie: 'cognito=forged' });
    expect(new URL(response.headers.get('location') ?? '').pathname).toBe('/login');
  });

  it('expires after one hour of emulator time', async () => {
    const { cookie } = await signIn(emulator);
    emulator.controls.setClockOffsetSeconds(3601);
    try {
      const response = await authorize({}, { cookie });
      expect(new URL(response.headers.get('location') ?? '').pathname).toBe('/login');
    } finally {
      emulator.controls.setClockOffsetSeconds(0);
    }
  });
});

describe('hosted-UI session lifetime, by the injected clock', () => {
  let now = Date.UTC(2030, 0, 1);
  let timed: CognitoEmulator;
  beforeAll(async () => {
    timed = await startCognitoEmulator({
      clients: [{ clientId: 'timed', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] }],
      now: () => now,
    });
  });
  afterAll(() => timed.stop());

  it('skips the form until just before one hour, and not at one hour', async () => {
    const { cookie } = await signIn(timed);
    const again = async (): Promise<string> => {
      const response = await get(`${timed.domain}/oauth2/authorize?${authorizeParams(timed, challenge)}`, {
        cookie,
      });
      return new URL(response.headers.get('location') ?? '').pathname;
    };
    now += 3_599_999;
    expect(await again()).toBe('/callback');
    now += 1;
    expect(await again()).toBe('/login');
  });
});
