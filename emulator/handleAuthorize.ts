import type { IncomingMessage, ServerResponse } from 'node:http';
import { codeRedirectLocation } from './codeRedirectLocation.js';
import type { EmulatorContext } from './EmulatorContext.js';
import { SESSION_COOKIE } from './HostedUiSessions.js';
import { errorRedirect, parseAuthorizeRequest } from './parseAuthorizeRequest.js';
import { readCookie } from './readCookie.js';
import { sendAuthorizeRefusal } from './sendAuthorizeRefusal.js';
import { sendRedirect } from './send.js';

/**
 * `GET /oauth2/authorize`: validates the request, then returns a code at once when the hosted-UI session
 * cookie is live (unless `prompt=login`), or redirects to the sign-in page `/login` with the same query.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
 */
export function handleAuthorize(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const outcome = parseAuthorizeRequest(ctx, url.searchParams);
  if (outcome.kind !== 'ok') {
    sendAuthorizeRefusal(ctx, res, 'authorize', outcome);
    return;
  }
  const { request } = outcome;
  const session = ctx.sessions.find(readCookie(req, SESSION_COOKIE), ctx.clock.nowMs());
  const user = session === undefined ? undefined : ctx.users.get(session.username.toLowerCase());
  if (session !== undefined && user !== undefined && request.prompt !== 'login') {
    ctx.config.log(`authorize: session of ${user.username} → code`);
    sendRedirect(res, codeRedirectLocation(ctx, request, user.username, session.authTime));
    return;
  }
  if (request.prompt === 'none') {
    sendRedirect(
      res,
      errorRedirect(request.redirectUri, 'login_required', 'no hosted-UI session', request.state),
    );
    return;
  }
  sendRedirect(res, `${ctx.domain}/login${url.search}`);
}
