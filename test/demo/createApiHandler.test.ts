import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';
import { createApiHandler } from '../../demo/server/api/createApiHandler.js';
import { CATALOG } from '../../demo/server/api/catalog.js';
import type { CatalogPage, CatalogTable } from '../../demo/shared/CatalogTable.js';
import type { LoggedInUser } from '../../demo/shared/LoggedInUser.js';
import { signInForTokens } from '../emulator/flow.js';
import type { TokenResponse } from '../emulator/flow.js';
import { serveOnLoopback } from './serveOnLoopback.js';
import type { LoopbackServer } from './serveOnLoopback.js';

const CLIENT = 'demoapiclient1';
const APP_ORIGIN = 'http://localhost:8585';
let emulator: CognitoEmulator;
let server: LoopbackServer;
let api: string;
let signedIn: TokenResponse;

beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: [{ clientId: CLIENT, callbackUrls: [`${APP_ORIGIN}/callback`], logoutUrls: [] }],
    users: [
      { username: 'alice', password: 'Alice-Pass-1', email: 'alice@example.com', groups: ['admin', 'sales'] },
      { username: 'bob', password: 'Bob-Pass-1', email: 'bob@example.com' },
    ],
  });
  server = await serveApi();
  api = `http://127.0.0.1:${server.port}/api/v1`;
  signedIn = await signInForTokens(emulator);
});
afterAll(async () => {
  await server.close();
  await emulator.stop();
});

/** A new demo API for the emulator's pool and {@link CLIENT}: it fetches the key set on its first token. */
function serveApi(): Promise<LoopbackServer> {
  const auth = {
    userPoolId: emulator.userPoolId,
    clientId: CLIENT,
    authority: emulator.issuer,
    domain: emulator.domain,
  };
  return serveOnLoopback(createApiHandler(auth, APP_ORIGIN));
}

/** `GET {api}{path}` with `token` as bearer (none when `undefined`). */
function get(path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  const headers = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  return fetch(`${api}${path}`, { headers, ...init });
}

const idToken = (): string => signedIn.id_token ?? '';

describe('the demo API (createApiHandler)', () => {
  it('answers the OpenMetadata auth config without a token: the pool, the client, the callback on the app origin', async () => {
    const response = await get('/system/config/auth');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      provider: 'aws-cognito',
      clientType: 'public',
      clientId: CLIENT,
      authority: emulator.issuer,
      callbackUrl: `${APP_ORIGIN}/callback`,
      publicKeyUrls: [`${emulator.issuer}/.well-known/jwks.json`],
      domain: emulator.domain,
    });
  });

  it('answers the signed-in user for the ID token: name, email, teams from cognito:groups, Admin for the admin group', async () => {
    const response = await get('/users/loggedInUser', idToken());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const user = (await response.json()) as LoggedInUser;
    expect(user).toMatchObject({ name: 'alice', email: 'alice@example.com', isAdmin: true, isBot: false });
    expect(user.teams.map((team) => team.name)).toEqual(['admin', 'sales']);
    expect(user.roles).toEqual([{ id: 'role-admin', name: 'Admin', type: 'role' }]);
  });

  it('takes the access token too (name from username); a user outside the admin group is a DataConsumer', async () => {
    const bob = await signInForTokens(emulator, { username: 'bob', password: 'Bob-Pass-1' });
    const user = (await (await get('/users/loggedInUser', bob.access_token)).json()) as LoggedInUser;
    expect(user).toMatchObject({ name: 'bob', isAdmin: false, teams: [] });
    expect(user.roles.map((role) => role.name)).toEqual(['DataConsumer']);
  });

  it('searches the tables with ?q= (every word, any case, in name, description, owner or tags) and counts them', async () => {
    // "orders" is in both tables' names or descriptions, "Sales" is their owner; fact_orders_daily is another team's.
    const page = (await (
      await get('/tables?q=ORDERS%20sales', idToken())
    ).json()) as CatalogPage<CatalogTable>;
    expect(page.data.map((table) => table.name)).toEqual(['orders', 'order_items']);
    expect(page.paging.total).toBe(2);
    const all = (await (await get('/tables', idToken())).json()) as CatalogPage<CatalogTable>;
    expect(all.paging.total).toBe(CATALOG.length);
  });

  it('answers one table by its encoded fully qualified name; an unknown or badly encoded one is 404', async () => {
    const [first] = CATALOG;
    const found = await get(`/tables/${encodeURIComponent(first?.fullyQualifiedName ?? '')}`, idToken());
    expect(await found.json()).toEqual(first);
    for (const fqn of ['sample_data.nothing', '%E0%A4%A']) {
      const missing = await get(`/tables/${fqn}`, idToken());
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ code: 404, message: 'Table instance not found' });
    }
  });

  it('answers 404 for a path with no API and 405 (Allow: GET, HEAD) for another method', async () => {
    const none = await get('/nothing/here', idToken());
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ code: 404, message: 'No API at /api/v1/nothing/here' });
    const post = await get('/tables', idToken(), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it.each([
    ['no Authorization header', undefined],
    ['a Basic Authorization header', 'Basic YWxpY2U6c2VjcmV0'],
    ['a bearer value that is not a JWT', 'Bearer not-a-token'],
  ])('answers 401 with a bare Bearer challenge to %s', async (_what, authorization) => {
    const headers = authorization === undefined ? {} : { Authorization: authorization };
    const response = await fetch(`${api}/tables`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="demo"');
    expect(await response.json()).toEqual({
      code: 401,
      message: 'Not authorized: a bearer token is required',
    });
  });

  it('answers 401 invalid_token, saying why, to a token whose signature does not check', async () => {
    const [header, payload, signature = ''] = idToken().split('.');
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const response = await get('/tables', forged);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="demo", error="invalid_token"');
    expect(await response.json()).toEqual({
      code: 401,
      message: 'Not authorized: token rejected: ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });
});

describe('the demo API while the pool’s key set does not answer', () => {
  it('answers 503 with Retry-After, not 401 (the client keeps its session), then the same token works', async () => {
    // A handler of its own, so that its first token makes it fetch the key set.
    const own = await serveApi();
    const url = `http://127.0.0.1:${own.port}/api/v1/tables`;
    try {
      emulator.controls.failNext('jwks', 1, { drop: true });
      const down = await fetch(url, { headers: { Authorization: `Bearer ${idToken()}` } });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(down.headers.get('www-authenticate')).toBeNull();
      expect(await down.json()).toEqual({
        code: 503,
        message: `Cannot check tokens now: the pool's key set ${emulator.issuer}/.well-known/jwks.json could not be read`,
      });
      const up = await fetch(url, { headers: { Authorization: `Bearer ${idToken()}` } });
      expect(up.status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
