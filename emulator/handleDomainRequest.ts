import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors } from './applyCors.js';
import { applyFault } from './applyFault.js';
import type { EmulatorContext } from './EmulatorContext.js';
import { handleAuthorize } from './handleAuthorize.js';
import { handleLogin } from './handleLogin.js';
import { handleLogout } from './handleLogout.js';
import { handleRevoke } from './handleRevoke.js';
import { handleToken } from './handleToken.js';
import { handleUserInfo } from './handleUserInfo.js';
import { renderErrorPage } from './renderErrorPage.js';
import { sendHtml, sendJson } from './send.js';

/**
 * The domain's endpoints and the methods each takes. Every request first gets the method check: a wrong method is
 * answered 405 (the error page for pages, `invalid_request` JSON for the API), neither counted nor faulted. The API
 * endpoints also answer CORS for app origins and take fault injection.
 */
const ENDPOINTS = {
  '/oauth2/authorize': { name: 'authorize', methods: 'GET', api: false, handle: handleAuthorize },
  '/login': { name: 'login', methods: 'GET, POST', api: false, handle: handleLogin },
  '/logout': { name: 'logout', methods: 'GET', api: false, handle: handleLogout },
  '/oauth2/token': { name: 'token', methods: 'POST', api: true, handle: handleToken },
  '/oauth2/revoke': { name: 'revoke', methods: 'POST', api: true, handle: handleRevoke },
  '/oauth2/userInfo': { name: 'userInfo', methods: 'GET, POST', api: true, handle: handleUserInfo },
} as const;

/**
 * The hosted-UI domain origin (`{prefix}.auth.{region}.amazoncognito.com` in Cognito): `/oauth2/authorize`,
 * `/login`, `/logout`, `/oauth2/token`, `/oauth2/userInfo` and `/oauth2/revoke`. CORS preflights are answered but
 * not counted; any other path is the error page, 404.
 */
export async function handleDomainRequest(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const endpoint = Object.hasOwn(ENDPOINTS, url.pathname)
    ? ENDPOINTS[url.pathname as keyof typeof ENDPOINTS]
    : undefined;
  if (endpoint === undefined) {
    sendHtml(res, 404, renderErrorPage('The requested page does not exist.', 'not_found'));
    return;
  }
  const { name, methods, api } = endpoint;
  if (api && applyCors(req, res, ctx.corsOrigins, methods)) return;
  if (!methods.split(', ').includes(req.method ?? '')) {
    if (api) sendJson(res, 405, { error: 'invalid_request' }, { allow: `${methods}, OPTIONS` });
    else sendHtml(res, 405, renderErrorPage('Request method not supported'), { allow: methods });
    return;
  }
  ctx.counts.count(name);
  if (api && (await applyFault(ctx.faults, name, req, res))) return;
  return endpoint.handle(ctx, req, res, url);
}
