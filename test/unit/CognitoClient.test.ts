import type { User } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { CognitoClient } from '../../src/CognitoClient.js';
import { redirectTo } from '../../src/redirectTo.js';
import { resolveConfig } from '../../src/resolveConfig.js';
import {
  APP,
  CONFIG,
  idToken,
  json,
  storeSession,
  stubCognito,
  tokenResponse,
  USER_KEY,
} from './support/fakeCognito.js';
import { b64url } from './support/signingKey.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const newClient = () => new CognitoClient(resolveConfig(CONFIG, APP));

/**
 * An ID token of the pool's signed under a key the key set does not hold yet (a rotated key): verifying it refetches
 * the key set.
 */
const tokenUnderNewKey = async (): Promise<string> =>
  [
    b64url(JSON.stringify({ alg: 'RS256', kid: 'rotated-kid', typ: 'JWT' })),
    ...(await idToken()).split('.').slice(1),
  ].join('.');

/**
 * Renews the stored session (`refresh-1`) with an answer that rotates the refresh token to `refresh-2` and whose ID
 * token needs a key-set refetch, which fails (offline); `meanwhile` runs while the token request is out (what another
 * tab did). Resolves to the renewal's outcome and the refresh tokens revoked.
 */
async function renewalWithRefetchFault(meanwhile: () => void) {
  await storeSession({ refreshToken: 'refresh-1' });
  const client = newClient();
  const revoked: (string | null)[] = [];
  const cognito = stubCognito({
    onToken: async () => {
      meanwhile();
      return tokenResponse({ refresh_token: 'refresh-2', id_token: await tokenUnderNewKey() });
    },
    onRevoke: (body) => (revoked.push(body.get('token')), new Response(null, { status: 200 })),
    failJwks: (n) => n > 1,
  });
  const outcome: unknown = await client.refresh(client.read() as User).catch((error: unknown) => error);
  // loaded before the token request, refetched for the new key
  expect(cognito.seen.filter((r) => r.url.endsWith('/jwks.json'))).toHaveLength(2);
  return { outcome, revoked };
}

/** Starts a sign-in and returns the callback URL Cognito would send back, with the nonce it must carry. */
async function signInStarted(client: CognitoClient): Promise<{ callback: string; nonce: string }> {
  await client.signIn({});
  const authorize = new URL(vi.mocked(redirectTo).mock.calls[0]?.[0] ?? '');
  return {
    callback: `${APP}/callback?code=c&state=${authorize.searchParams.get('state') ?? ''}`,
    nonce: authorize.searchParams.get('nonce') ?? '',
  };
}

describe('CognitoClient', () => {
  it.each([
    ['without an access token', { access_token: undefined }],
    ['without expires_in (its renewal would be due at once, again and again)', { expires_in: undefined }],
    ['with expires_in 0', { expires_in: 0 }],
    ['with expires_in "soon"', { expires_in: 'soon' }],
  ])(
    'rejects a code exchange answered %s, stores nothing and revokes the refresh token it got',
    async (_kind, fields) => {
      const client = newClient();
      stubCognito();
      const { callback, nonce } = await signInStarted(client);
      const cognito = stubCognito({
        onToken: () => tokenResponse({ ...fields, refresh_token: 'refresh-orphan' }, { nonce }),
        onRevoke: () => new Response(null, { status: 200 }),
      });
      await expect(client.finishSignIn(callback)).rejects.toMatchObject({
        code: 'token',
        message: expect.stringMatching(
          /without an access token or its lifetime \(expires_in\) — sign in again/,
        ) as unknown,
      });
      expect(sessionStorage.getItem(USER_KEY)).toBeNull();
      expect(cognito.to('/oauth2/revoke').map((r) => r.body.get('token'))).toEqual(['refresh-orphan']);
    },
  );

  /**
   * A token answer whose JSON starts with a `__proto__` key: oidc-client-ts's `Object.assign` then replaces the
   * response's prototype, which turns off its own nonce and profile processing; `expires_at` is given as a field.
   */
  const protoAnswer = (claims: Record<string, unknown>) => async () => {
    const expires = { expires_at: Math.floor(Date.now() / 1000) + 3600 };
    const body = await (await tokenResponse(expires, claims)).text();
    return new Response(`{"__proto__":{"isOpenId":false},${body.slice(1)}`, {
      headers: { 'Content-Type': 'application/json' },
    });
  };

  it("rejects an ID token with another sign-in's nonce also when the answer's JSON turns off oidc-client-ts's nonce check (__proto__)", async () => {
    const client = newClient();
    stubCognito();
    const { callback } = await signInStarted(client);
    stubCognito({ onToken: protoAnswer({ nonce: 'not-this-sign-in' }) });
    await expect(client.finishSignIn(callback)).rejects.toMatchObject({
      code: 'token',
      message: expect.stringMatching(/^ID token rejected: nonce is "not-this-sign-in"/) as unknown,
    });
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
  });

  it("stores the verified ID token's claims as the profile, also when the answer's JSON skipped oidc-client-ts's (__proto__)", async () => {
    const client = newClient();
    stubCognito();
    const { callback, nonce } = await signInStarted(client);
    stubCognito({ onToken: protoAnswer({ nonce }) });
    await client.finishSignIn(callback);
    expect(client.read()?.profile).toMatchObject({ sub: expect.any(String) as unknown, nonce });
  });

  it('revokes the refresh token of an answer whose ID token is rejected', async () => {
    const client = newClient();
    stubCognito();
    const { callback, nonce } = await signInStarted(client);
    const cognito = stubCognito({
      onToken: () => tokenResponse({ refresh_token: 'refresh-foreign' }, { nonce, aud: 'other-client' }),
      onRevoke: () => new Response(null, { status: 200 }),
    });
    await expect(client.finishSignIn(callback)).rejects.toMatchObject({ code: 'token' });
    expect(cognito.to('/oauth2/revoke').map((r) => r.body.get('token'))).toEqual(['refresh-foreign']);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
  });

  it('stores a verified sign-in and revokes nothing', async () => {
    const client = newClient();
    stubCognito();
    const { callback, nonce } = await signInStarted(client);
    const cognito = stubCognito({ onToken: () => tokenResponse({ refresh_token: 'refresh-1' }, { nonce }) });
    const user = await client.finishSignIn(callback);
    expect(user.access_token).toBe('access-2');
    expect(client.read()?.refresh_token).toBe('refresh-1');
    expect(cognito.to('/oauth2/revoke')).toHaveLength(0);
  });

  it.each([
    ['without an access token', { token_type: 'Bearer', expires_in: 3600 }],
    ['without expires_in', { access_token: 'access-3', token_type: 'Bearer' }],
  ])(
    'treats a renewal answered %s as a network fault (a passing one: the caller keeps the session)',
    async (_kind, answer) => {
      await storeSession();
      const client = newClient();
      const stored = client.read() as User;
      const before = sessionStorage.getItem(USER_KEY);
      stubCognito({ onToken: () => json(answer) });
      await expect(client.refresh(stored)).rejects.toMatchObject({
        code: 'network',
        message: expect.stringMatching(/without an access token or its lifetime \(expires_in\)/) as unknown,
      });
      expect(sessionStorage.getItem(USER_KEY)).toBe(before);
    },
  );

  it("ends a renewal refused for good (invalid_grant) with the message every tab shows, keeping Cognito's error", async () => {
    await storeSession();
    const client = newClient();
    stubCognito({
      onToken: () =>
        json({ error: 'invalid_grant', error_description: 'Refresh Token has been revoked' }, 400),
    });
    await expect(client.refresh(client.read() as User)).rejects.toMatchObject({
      code: 'refresh',
      message: 'Session expired — sign in again.',
      error: 'invalid_grant',
      errorDescription: 'Refresh Token has been revoked',
    });
  });

  it('ends a renewal refused for a configuration error (invalid_client) with a message naming it', async () => {
    await storeSession();
    const client = newClient();
    stubCognito({ onToken: () => json({ error: 'invalid_client' }, 400) });
    await expect(client.refresh(client.read() as User)).rejects.toMatchObject({
      code: 'refresh',
      message: expect.stringMatching(/\(Cognito: invalid_client\) — see .*#troubleshooting$/) as unknown,
      error: 'invalid_client',
    });
  });

  it("stores the renewed ID token's verified claims as the profile, also when the answer's JSON skipped oidc-client-ts's (__proto__)", async () => {
    await storeSession();
    const client = newClient();
    const stored = client.read() as User;
    stubCognito({ onToken: protoAnswer({ email: 'renewed@example.com' }) });
    const renewed = await client.refresh(stored);
    expect(stored.profile.sub).toEqual(expect.any(String));
    expect(renewed.profile).toMatchObject({ sub: stored.profile.sub, email: 'renewed@example.com' });
  });

  it('names the token request in the message of a network failure', async () => {
    await storeSession();
    const client = newClient();
    stubCognito({ onToken: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(client.refresh(client.read() as User)).rejects.toMatchObject({
      code: 'network',
      message: 'The token request failed: Failed to fetch — check the network connection and try again.',
    });
  });

  it('keeps the ID token and its claims when a renewal answers without a new one', async () => {
    await storeSession();
    const client = newClient();
    const stored = client.read() as User;
    stubCognito({
      onToken: () => json({ access_token: 'access-3', token_type: 'Bearer', expires_in: 3600 }),
    });
    const renewed = await client.refresh(stored);
    expect(renewed).toMatchObject({
      access_token: 'access-3',
      id_token: stored.id_token,
      refresh_token: 'refresh-1',
      profile: stored.profile,
    });
    expect(client.read()?.access_token).toBe(stored.access_token); // the caller stores it
  });

  it("rejects a renewal answered with the session's own ID token again (a replay) and revokes the refresh token that came with it", async () => {
    await storeSession({ refreshToken: 'refresh-1' });
    const client = newClient();
    const stored = client.read() as User;
    const cognito = stubCognito({
      onToken: () =>
        json({
          id_token: stored.id_token,
          access_token: 'access-3',
          refresh_token: 'refresh-2',
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      onRevoke: () => new Response(null, { status: 200 }),
    });
    await expect(client.refresh(stored)).rejects.toMatchObject({
      code: 'token',
      message: expect.stringMatching(/a replayed token/) as unknown,
    });
    expect(cognito.to('/oauth2/revoke').map((r) => r.body.get('token'))).toEqual(['refresh-2']);
  });

  it('revokes the rotated refresh token of a renewal whose key-set refetch fails after the session was cleared meanwhile (signed out in another tab), still as a passing fault', async () => {
    const { outcome, revoked } = await renewalWithRefetchFault(() => sessionStorage.removeItem(USER_KEY));
    expect(outcome).toMatchObject({ code: 'network' });
    expect(revoked).toEqual(['refresh-2']);
    expect(sessionStorage.getItem(USER_KEY)).toBeNull();
  });

  it("does not revoke the rotated refresh token of a renewal whose key-set refetch fails after the same user's session changed meanwhile (another tab's renewal may share its family)", async () => {
    const { outcome, revoked } = await renewalWithRefetchFault(() => {
      const alice = JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}') as Record<string, unknown>;
      sessionStorage.setItem(
        USER_KEY,
        JSON.stringify({ ...alice, access_token: 'access-3', refresh_token: 'refresh-3' }),
      );
    });
    expect(outcome).toMatchObject({ code: 'network' });
    expect(revoked).toEqual([]);
    expect(sessionStorage.getItem(USER_KEY)).toContain('"refresh_token":"refresh-3"');
  });

  it("gives up a key-set fetch that stalls on a renewal after requestTimeoutSeconds, not the key cache's default 10 s", async () => {
    await storeSession();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = new CognitoClient(resolveConfig({ ...CONFIG, requestTimeoutSeconds: 2 }, APP));
    const cognito = stubCognito({ onToken: () => tokenResponse() });
    cognito.fetch.mockImplementation(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('The operation was aborted.', 'AbortError')),
          );
        }),
    );
    let outcome: unknown = 'pending';
    void client.refresh(client.read() as User).catch((error: unknown) => (outcome = error));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toMatchObject({ code: 'network' });
    // the key-set fetch alone: the refresh token is not spent
    expect(cognito.fetch.mock.calls.map(([input]) => String(input))).toEqual([
      resolveConfig(CONFIG, APP).jwksUri,
    ]);
  });
});
