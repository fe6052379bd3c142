import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import { SESSION_COOKIE } from './HostedUiSessions.js';
import { parseAuthorizeRequest } from './parseAuthorizeRequest.js';
import { readCookie } from './readCookie.js';
import { renderErrorPage } from './renderErrorPage.js';
import { sendAuthorizeRefusal } from './sendAuthorizeRefusal.js';
import { sendHtml, sendRedirect } from './send.js';

const CLEAR_COOKIE = `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;

/**
 * `GET /logout`: with `client_id` and a `logout_uri` exactly in the client's sign-out URLs, ends the hosted-UI
 * session (clears the cookie) and redirects there; with `client_id`, `redirect_uri` and `response_type`
 * (authorize parameters) it ends the session and goes on to sign-in. Anything else — a `logout_uri` not in
 * the list, the standard `post_logout_redirect_uri`/`id_token_hint` — is Cognito's error page, session kept.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export function handleLogout(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const query = url.searchParams;
  const refuse = (message: string, error = 'invalid_request'): void => {
    ctx.config.log(`logout: error page — ${message}`);
    sendHtml(res, 400, renderErrorPage(message, error));
  };
  const clientId = query.get('client_id');
  if (clientId === null || clientId === '')
    return refuse("Required String parameter 'client_id' is not present");
  const client = ctx.clients.get(clientId);
  if (client === undefined)
    return refuse(`Invalid client_id: no app client ${clientId} in this user pool`, 'invalid_client');
  const logoutUri = query.get('logout_uri');
  if (logoutUri !== null) {
    if (query.getAll('logout_uri').length !== 1 || !client.logoutUrls.includes(logoutUri)) {
      return refuse(
        `redirect_mismatch: logout_uri ${logoutUri} is not one of the sign-out URLs of this app client (${client.logoutUrls.join(', ') || 'none'})`,
        'redirect_mismatch',
      );
    }
    ctx.sessions.end(readCookie(req, SESSION_COOKIE));
    ctx.config.log('logout: session ended → logout_uri');
    return sendRedirect(res, logoutUri, { 'set-cookie': CLEAR_COOKIE });
  }
  if (!query.has('redirect_uri')) return refuse("Required String parameter 'redirect_uri' is not present");
  const outcome = parseAuthorizeRequest(ctx, query);
  if (outcome.kind === 'page') return sendAuthorizeRefusal(ctx, res, 'logout', outcome);
  ctx.sessions.end(readCookie(req, SESSION_COOKIE));
  ctx.config.log('logout: session ended → sign-in');
  sendRedirect(res, `${ctx.domain}/oauth2/authorize${url.search}`, { 'set-cookie': CLEAR_COOKIE });
}
