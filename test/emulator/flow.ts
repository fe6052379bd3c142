import { createHash, createHmac, createPublicKey, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { expect } from 'vitest';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';

/** A fresh PKCE pair (S256). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** `POST` a form body; never follows redirects. */
export function postForm(
  url: string,
  body: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
    redirect: 'manual',
  });
}

/** `GET` without following redirects. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers, redirect: 'manual' });
}

/** Authorize query parameters for the emulator's first client, with overrides (`undefined` removes one). */
export function authorizeParams(
  emulator: Pick<CognitoEmulator, 'clients'>,
  challenge: string,
  overrides: Record<string, string | undefined> = {},
): URLSearchParams {
  const client = emulator.clients[0];
  if (client === undefined) throw new Error('no client');
  const all: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.callbackUrls[0],
    scope: 'openid email profile',
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(all)) if (value !== undefined) params.set(name, value);
  return params;
}

/** What a completed hosted-UI sign-in hands back. */
export interface SignedIn {
  code: string;
  verifier: string;
  redirectUri: string;
  clientId: string;
  /** `cognito=…` cookie pair for later authorize requests. */
  cookie: string;
  location: URL;
}

/** Drives authorize → login form → redirect with plain HTTP, as a browser would. */
export async function signIn(
  emulator: CognitoEmulator,
  options: { username?: string; password?: string; params?: Record<string, string | undefined> } = {},
): Promise<SignedIn> {
  const { verifier, challenge } = pkcePair();
  const params = authorizeParams(emulator, challenge, options.params);
  const authorize = await get(`${emulator.domain}/oauth2/authorize?${params}`);
  expect(authorize.status).toBe(302);
  const loginUrl = new URL(authorize.headers.get('location') ?? '', emulator.domain);
  expect(loginUrl.pathname).toBe('/login');
  const page = await get(loginUrl.href);
  expect(page.status).toBe(200);
  const action = /<form method="post" action="([^"]+)"/
    .exec(await page.text())?.[1]
    ?.replaceAll('&amp;', '&');
  expect(action).toBeDefined();
  const login = await postForm(new URL(action ?? '', emulator.domain).href, {
    username: options.username ?? 'alice',
    password: options.password ?? 'Alice-Pass-1',
  });
  expect(login.status).toBe(302);
  const location = new URL(login.headers.get('location') ?? '');
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return {
    code: location.searchParams.get('code') ?? '',
    verifier,
    redirectUri: params.get('redirect_uri') ?? '',
    clientId: params.get('client_id') ?? '',
    cookie,
    location,
  };
}

/** Exchanges a code at the token endpoint. */
export function exchangeCode(
  emulator: CognitoEmulator,
  signedIn: SignedIn,
  overrides: Record<string, string> = {},
): Promise<Response> {
  return postForm(`${emulator.domain}/oauth2/token`, {
    grant_type: 'authorization_code',
    client_id: signedIn.clientId,
    code: signedIn.code,
    redirect_uri: signedIn.redirectUri,
    code_verifier: signedIn.verifier,
    ...overrides,
  });
}

/** The token endpoint's JSON answer. */
export interface TokenResponse {
  id_token?: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
}

/** Signs in and exchanges the code; fails the test unless the exchange succeeds. */
export async function signInForTokens(
  emulator: CognitoEmulator,
  options: Parameters<typeof signIn>[1] = {},
): Promise<TokenResponse> {
  const signedIn = await signIn(emulator, options);
  const response = await exchangeCode(emulator, signedIn);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenResponse;
}

/** Uses a refresh token. */
export function refresh(
  emulator: CognitoEmulator,
  refreshToken: string,
  clientId = emulator.clients[0]?.clientId ?? '',
): Promise<Response> {
  return postForm(`${emulator.domain}/oauth2/token`, {
    grant_type: 'refresh_token',
    client_id: clientId,
    refresh_token: refreshToken,
  });
}

/** The JSON `error` of a failed answer. */
export async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: string }).error;
}

/**
 * Whether `token` carries an HMAC-SHA256 keyed with the SPKI PEM of `publishedKey` — the secret an attacker
 * derives from the public JWKS in the "alg confusion" attack.
 */
export function isHmacWithPublicKey(token: string, publishedKey: JWK): boolean {
  const [header = '', payload = '', signature] = token.split('.');
  const pem = createPublicKey({ key: publishedKey, format: 'jwk' }).export({ format: 'pem', type: 'spki' });
  return createHmac('sha256', pem).update(`${header}.${payload}`).digest('base64url') === signature;
}
