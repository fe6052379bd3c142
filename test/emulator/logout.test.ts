import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';
import { authorizeParams, get, pkcePair, signIn } from './flow.js';

let emulator: CognitoEmulator;
beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: [
      {
        clientId: 'logoutclient',
        callbackUrls: ['http://localhost:3000/callback'],
        logoutUrls: ['http://localhost:3000/', 'http://localhost:3000/bye'],
      },
    ],
  });
});
afterAll(() => emulator.stop());

const logout = (query: Record<string, string> | URLSearchParams, cookie = ''): Promise<Response> =>
  get(`${emulator.domain}/logout?${new URLSearchParams(query)}`, cookie === '' ? {} : { cookie });

/** Whether an authorize request with this cookie skips the form. */
async function sessionAlive(cookie: string): Promise<boolean> {
  const response = await get(
    `${emulator.domain}/oauth2/authorize?${authorizeParams(emulator, pkcePair().challenge)}`,
    { cookie },
  );
  return new URL(response.headers.get('location') ?? '').pathname === '/callback';
}

async function expectErrorPage(response: Response, message: string, error: string): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  const html = (await response.text()).replaceAll('&#39;', "'");
  expect(html).toContain(message);
  expect(html).toContain(`error: <code>${error}</code>`);
}

describe('logout', () => {
  it('with an allowed logout_uri: clears the session cookie and redirects there', async () => {
    const { cookie } = await signIn(emulator);
    expect(await sessionAlive(cookie)).toBe(true);
    const response = await logout(
      { client_id: 'logoutclient', logout_uri: 'http://localhost:3000/bye' },
      cookie,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:3000/bye');
    expect(response.headers.getSetCookie()[0]).toMatch(/^cognito=; Path=\/; Max-Age=0/);
    expect(await sessionAlive(cookie)).toBe(false);
  });

  it.each([
    [
      'a logout_uri not in the list',
      { client_id: 'logoutclient', logout_uri: 'http://localhost:3000/evil' },
      'redirect_mismatch: logout_uri http://localhost:3000/evil is not one of the sign-out URLs of this app client (http://localhost:3000/, http://localhost:3000/bye)',
      'redirect_mismatch',
    ],
    [
      'a logout_uri differing by a slash',
      { client_id: 'logoutclient', logout_uri: 'http://localhost:3000' },
      'redirect_mismatch',
      'redirect_mismatch',
    ],
    [
      'logout_uri given twice, both allowed',
      new URLSearchParams([
        ['client_id', 'logoutclient'],
        ['logout_uri', 'http://localhost:3000/'],
        ['logout_uri', 'http://localhost:3000/bye'],
      ]),
      'redirect_mismatch',
      'redirect_mismatch',
    ],
    [
      'post_logout_redirect_uri (standard OIDC)',
      { client_id: 'logoutclient', post_logout_redirect_uri: 'http://localhost:3000/' },
      "Required String parameter 'redirect_uri' is not present",
      'invalid_request',
    ],
    [
      'id_token_hint alone',
      { id_token_hint: 'eyJ' },
      "Required String parameter 'client_id' is not present",
      'invalid_request',
    ],
    [
      'an empty client_id',
      { client_id: '', logout_uri: 'http://localhost:3000/' },
      "Required String parameter 'client_id' is not present",
      'invalid_request',
    ],
    [
      'an unknown client',
      { client_id: 'nobody', logout_uri: 'http://localhost:3000/' },
      'Invalid client_id',
      'invalid_client',
    ],
  ])('refuses %s with an error page and keeps the session', async (_name, query, message, error) => {
    const { cookie } = await signIn(emulator);
    await expectErrorPage(await logout(query, cookie), message, error);
    expect(await sessionAlive(cookie)).toBe(true);
  });

  it('with client_id, redirect_uri and response_type: ends the session and goes to sign-in', async () => {
    const { cookie } = await signIn(emulator);
    const query = Object.fromEntries(authorizeParams(emulator, pkcePair().challenge));
    const response = await logout(query, cookie);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${emulator.domain}/oauth2/authorize`);
    expect(response.headers.getSetCookie()[0]).toMatch(/^cognito=;/);
    expect(await sessionAlive(cookie)).toBe(false);
    const next = await get(location.href, { cookie });
    expect(new URL(next.headers.get('location') ?? '').pathname).toBe('/login');
  });

  it('refuses the sign-in form of logout with a redirect_uri not in the list', async () => {
    const query = Object.fromEntries(
      authorizeParams(emulator, pkcePair().challenge, { redirect_uri: 'http://localhost:3000/evil' }),
    );
    await expectErrorPage(await logout(query), 'redirect_mismatch', 'redirect_mismatch');
  });
});
