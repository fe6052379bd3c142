import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CatalogPage, CatalogTable } from '../../shared/CatalogTable.js';
import type { DemoAuthSettings } from '../DemoAuthSettings.js';
import { authConfigResponse } from './authConfigResponse.js';
import { CATALOG } from './catalog.js';
import { createTokenVerifier, KeySetUnavailableError, TokenRejectedError } from './createTokenVerifier.js';
import type { VerifiedClaims } from './createTokenVerifier.js';
import { loggedInUser } from './loggedInUser.js';
import { searchTables } from './searchTables.js';
import { sendJson } from './sendJson.js';

/** Answers one request under `/api/`. */
export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

type Answer = [status: number, body: unknown];

const notFound = (message: string): Answer => [404, { code: 404, message }];

const decode = (value: string): string | null => {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
};

/** The routes behind the bearer-token check: path pattern → answer for the verified caller. */
const PROTECTED_ROUTES: [RegExp, (match: RegExpExecArray, url: URL, claims: VerifiedClaims) => Answer][] = [
  [/^\/api\/v1\/users\/loggedInUser$/, (_match, _url, claims) => [200, loggedInUser(claims)]],
  [
    /^\/api\/v1\/tables$/,
    (_match, url) => {
      const data = searchTables(CATALOG, url.searchParams.get('q') ?? '');
      return [200, { data, paging: { total: data.length } } satisfies CatalogPage<CatalogTable>];
    },
  ],
  [
    /^\/api\/v1\/tables\/([^/]+)$/,
    ([, fqn = '']) => {
      const table = CATALOG.find((entry) => entry.fullyQualifiedName === decode(fqn));
      return table ? [200, table] : notFound('Table instance not found');
    },
  ],
];

/** The protected route for `pathname`, bound to its path parameters, or `null`. */
function findRoute(pathname: string): ((url: URL, claims: VerifiedClaims) => Answer) | null {
  for (const [pattern, answer] of PROTECTED_ROUTES) {
    const match = pattern.exec(pathname);
    if (match) return (url, claims) => answer(match, url, claims);
  }
  return null;
}

/**
 * The demo's OpenMetadata-shaped API: `GET /api/v1/system/config/auth` (public), and behind a verified bearer
 * token (ID or access token of the pool's client) `GET /api/v1/users/loggedInUser`, `GET /api/v1/tables?q=`
 * and `GET /api/v1/tables/{fqn}`. A missing or rejected token → 401 with `WWW-Authenticate: Bearer`; a token that
 * cannot be checked because the pool's key set does not answer → 503 with `Retry-After`, so that the client keeps
 * its session rather than renewing a token that is not at fault.
 *
 * @example
 * const api = createApiHandler(auth, 'http://localhost:8585');
 * if (req.url?.startsWith('/api/')) await api(req, res);
 */
export function createApiHandler(auth: DemoAuthSettings, appOrigin: string): ApiHandler {
  const verify = createTokenVerifier({ issuer: auth.authority, clientId: auth.clientId });

  return async (req, res) => {
    const url = new URL(req.url ?? '/', appOrigin);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { code: 405, message: 'Method not allowed' }, { Allow: 'GET, HEAD' });
      return;
    }
    if (url.pathname === '/api/v1/system/config/auth') {
      sendJson(res, 200, authConfigResponse(auth, appOrigin));
      return;
    }
    const route = findRoute(url.pathname);
    if (route === null) {
      sendJson(res, ...notFound(`No API at ${url.pathname}`));
      return;
    }
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(req.headers.authorization ?? '')?.[1];
    let claims: VerifiedClaims;
    try {
      if (token === undefined) throw new TokenRejectedError('a bearer token is required');
      claims = await verify(token);
    } catch (error) {
      if (error instanceof KeySetUnavailableError) {
        sendJson(
          res,
          503,
          { code: 503, message: `Cannot check tokens now: ${error.message}` },
          { 'Retry-After': '5' },
        );
        return;
      }
      if (!(error instanceof TokenRejectedError)) throw error;
      const challenge =
        token === undefined ? 'Bearer realm="demo"' : 'Bearer realm="demo", error="invalid_token"';
      sendJson(
        res,
        401,
        { code: 401, message: `Not authorized: ${error.message}` },
        { 'WWW-Authenticate': challenge },
      );
      return;
    }
    sendJson(res, ...route(url, claims));
  };
}
