import { render, type RenderResult } from '@testing-library/react';
import { StrictMode, useEffect, type ReactNode } from 'react';
import { onTestFinished, vi, type Mock } from 'vitest';
import { CognitoProvider, useAuth, type CognitoProviderProps } from '../../../src/index.js';
import { signingKey, signJwt } from './signingKey.js';

/** The provider configuration every unit test uses (jsdom's origin is http://localhost:3000). */
export const CONFIG = {
  userPoolId: 'us-east-1_Unit1234',
  clientId: 'unitclient123',
  domain: 'auth.example.com',
} as const;
export const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Unit1234';
export const DOMAIN = 'https://auth.example.com';
export const APP = 'http://localhost:3000';
export const USER_KEY = `oidc.user:${ISSUER}:${CONFIG.clientId}`;
/** The name of the tabs' BroadcastChannel and of the renewal Web Lock (the leader lock is `{SYNC_NAME}:leader`). */
export const SYNC_NAME = `react-cognito-sso:${CONFIG.clientId}`;

const poolKey = await signingKey('unit-kid');
const JWKS = { keys: [poolKey.jwk] };

/** When "alice" signed in: stays the same across renewals, as oidc-client-ts requires. */
const AUTH_TIME = Math.floor(Date.now() / 1000);

/** Signs a Cognito-shaped ID token with the pool's key; `claims` override the defaults. */
export async function idToken(claims: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: 'sub-alice',
    iss: ISSUER,
    aud: CONFIG.clientId,
    token_use: 'id',
    'cognito:username': 'alice',
    'cognito:groups': ['editors'],
    email: 'alice@example.com',
    auth_time: AUTH_TIME,
    iat: now,
    exp: now + 3600,
    jti: crypto.randomUUID(),
    ...claims,
  };
  return signJwt(poolKey.privateKey, { alg: 'RS256', kid: 'unit-kid', typ: 'JWT' }, payload);
}

/** Stores a session as the SDK does, so that the provider restores it. */
export async function storeSession(
  options: {
    expiresIn?: number;
    refreshToken?: string | null;
    accessToken?: string;
    claims?: Record<string, unknown>;
  } = {},
): Promise<void> {
  const token = await idToken(options.claims);
  sessionStorage.setItem(
    USER_KEY,
    JSON.stringify({
      id_token: token,
      access_token: options.accessToken ?? 'access-1',
      refresh_token: options.refreshToken === undefined ? 'refresh-1' : options.refreshToken,
      token_type: 'Bearer',
      scope: 'openid email profile',
      profile: JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as unknown,
      expires_at: Math.floor(Date.now() / 1000) + (options.expiresIn ?? 3600),
    }),
  );
}

/**
 * Another "tab" on the SDK's channel, as a raw `BroadcastChannel` (closed when the test ends), with the messages it
 * has received.
 */
export function peerTab(name = SYNC_NAME): { peer: BroadcastChannel; answers: unknown[] } {
  const peer = new BroadcastChannel(name);
  const answers: unknown[] = [];
  peer.onmessage = ({ data }: MessageEvent) => answers.push(data);
  onTestFinished(() => peer.close());
  return { peer, answers };
}

/** A JSON `Response`. */
export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * The token endpoint's answer: a fresh ID token (`claims` override its defaults), access token `access-2`, expiring
 * in an hour; `fields` add to or override the answer's fields (e.g. `refresh_token`).
 */
export const tokenResponse = async (
  fields: Record<string, unknown> = {},
  claims: Record<string, unknown> = {},
): Promise<Response> =>
  json({
    id_token: await idToken(claims),
    access_token: 'access-2',
    token_type: 'Bearer',
    expires_in: 3600,
    ...fields,
  });

/** One request the stubbed `fetch` saw. */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Headers;
  body: URLSearchParams;
}

/**
 * Stubs the global `fetch` as the pool: JWKS (failing as `failJwks` says; and, given `discovery`, the discovery document) from the issuer, and the token/revoke endpoints answered by `onToken`
 * / `onRevoke`, and the app's `/api/…` by `onApi`. Any other URL fails the test. Every request is recorded with its decoded form body.
 */
export function stubCognito(
  handlers: {
    onToken?: (body: URLSearchParams) => Response | Promise<Response>;
    onRevoke?: (body: URLSearchParams) => Response;
    onApi?: (request: SeenRequest) => Response | Promise<Response>;
    discovery?: Record<string, unknown>;
    /** Whether the `n`th key-set request (from 1) fails as fetch does offline. */
    failJwks?: (n: number) => boolean;
  } = {},
): { fetch: Mock; seen: SeenRequest[]; to: (path: string) => SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input instanceof Request ? input.url : input);
    const request = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: new URLSearchParams(
        typeof init.body === 'string' || init.body instanceof URLSearchParams ? init.body : '',
      ),
    };
    seen.push(request);
    if (url === `${ISSUER}/.well-known/jwks.json`) {
      if (handlers.failJwks?.(seen.filter((r) => r.url === url).length)) throw new TypeError('fetch failed');
      return json(JWKS);
    }
    if (url === `${ISSUER}/.well-known/openid-configuration` && handlers.discovery)
      return json(handlers.discovery);
    if (url === `${DOMAIN}/oauth2/token` && handlers.onToken) return handlers.onToken(request.body);
    if (url === `${DOMAIN}/oauth2/revoke` && handlers.onRevoke) return handlers.onRevoke(request.body);
    if (url.startsWith(`${APP}/api/`) && handlers.onApi) return handlers.onApi(request);
    throw new Error(`unexpected request to ${url}`);
  });
  vi.stubGlobal('fetch', fetchStub);
  return { fetch: fetchStub, seen, to: (path) => seen.filter((r) => r.url === `${DOMAIN}${path}`) };
}

/** Renders `children` inside `<StrictMode><CognitoProvider>` with the unit config (or `base`) and `props`. */
export function renderWithProvider(
  children: ReactNode,
  props: Partial<CognitoProviderProps> = {},
  base: CognitoProviderProps = CONFIG,
): RenderResult {
  return render(
    <StrictMode>
      <CognitoProvider {...base} {...props}>
        {children}
      </CognitoProvider>
    </StrictMode>,
  );
}

/**
 * Spies on the provider's `debug` log (render with `debug: true`) and returns the lines logged so far that contain
 * `step`. Steps are logged synchronously where they start — `signIn()` logs 'sign-in: redirect to the hosted UI', a
 * renewal 'renewal: start' — so a test can see one start at once, before the redirect or request it waits for.
 */
export function debugLines(step: string): () => unknown[][] {
  const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  return () => debug.mock.calls.filter(([line]) => String(line).includes(step));
}

/** A component that renders `show(value)` and hands the hook's latest value to the test through `current()`. */
export function capture<T>(useHook: () => T, show: (value: T) => ReactNode = () => null) {
  const box: { value?: T } = {};
  function Probe() {
    const value = useHook();
    useEffect(() => {
      box.value = value;
    });
    return <>{show(value)}</>;
  }
  return {
    Probe,
    current(): T {
      if (box.value === undefined) throw new Error('not rendered yet');
      return box.value;
    },
  };
}

/**
 * A probe of `useAuth()` that renders the status (`loading`, `authenticated`, …), after `{label}:` when given — see
 * {@link capture}.
 */
export const statusProbe = (label?: string) =>
  capture(useAuth, (auth) => <p>{label ? `${label}:${auth.status}` : auth.status}</p>);

/** A probe of `useAuth()` for one "tab" that renders `{name}:{status}:{access token or -}` — see {@link capture}. */
export const tabProbe = (name: string) =>
  capture(useAuth, (auth) => (
    <p>
      {name}:{auth.status}:{auth.user?.accessToken ?? '-'}
    </p>
  ));

/**
 * "Tabs" A, B, C… in one document under StrictMode, one per entry of `renewBefore` (that tab's
 * `renewBeforeExpirySeconds`): tab A keeps its session in sessionStorage, the others in memory, so they share nothing
 * but the BroadcastChannel (and Web Locks, where a test installs them). Each renders a {@link tabProbe}; returns the
 * probes in order.
 */
export function renderTabs<const T extends readonly number[]>(
  renewBefore: T,
): { [K in keyof T]: ReturnType<typeof tabProbe> } {
  const tabs = renewBefore.map((renew, i) => ({ renew, probe: tabProbe(String.fromCharCode(65 + i)) }));
  render(
    <StrictMode>
      {tabs.map(({ renew, probe }, i) => (
        <CognitoProvider
          key={i}
          {...CONFIG}
          storage={i === 0 ? 'session' : 'memory'}
          renewBeforeExpirySeconds={renew}
        >
          <probe.Probe />
        </CognitoProvider>
      ))}
    </StrictMode>,
  );
  return tabs.map(({ probe }) => probe) as { [K in keyof T]: ReturnType<typeof tabProbe> };
}
