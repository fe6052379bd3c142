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
 * The API endpoints of the domain: CORS for app origins, the method check (405 `invalid_request`, neither
 * counted nor faulted), counting, fault injection, then the handler.
 */
const API = {
  '/oauth2/token': { name: 'token', methods: 'POST', handle: handleToken },
  '/oauth2/revoke': { name: 'revoke', methods: 'POST', handle: handleRevoke },
  '/oauth2/userInfo': { name: 'userInfo', methods: 'GET, POST', handle: handleUserInfo },
} as const;

/**
 * The hosted-UI domain origin (`{prefix}.auth.{region}.amazoncognito.com` in Cognito): `/oauth2/authorize`,
 * `/login`, `/oauth2/token`, `/oauth2/userInfo`, `/oauth2/revoke` and `/logout`. CORS preflights are
 * answered but not counted.
 */
export async function handleDomainRequest(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  switch (url.pathname) {
    case '/oauth2/authorize':
      ctx.counts.count('authorize');
      return handleAuthorize(ctx, req, res, url);
    case '/login':
      ctx.counts.count('login');
      return handleLogin(ctx, req, res, url);
    case '/logout':
      ctx.counts.count('logout');
      return handleLogout(ctx, req, res, url);
    case '/oauth2/token':
    case '/oauth2/revoke':
    case '/oauth2/userInfo': {
      const endpoint = API[url.pathname];
      if (applyCors(req, res, ctx.corsOrigins, endpoint.methods)) return;
      if (!endpoint.methods.split(', ').includes(req.method ?? '')) {
        sendJson(res, 405, { error: 'invalid_request' }, { allow: `${endpoint.methods}, OPTIONS` });
        return;
      }
      ctx.counts.count(endpoint.name);
      if (await applyFault(ctx.faults, endpoint.name, req, res)) return;
      return endpoint.handle(ctx, req, res);
    }
    default:
      sendHtml(res, 404, renderErrorPage('The requested page does not exist.', 'not_found'));
  }
}
