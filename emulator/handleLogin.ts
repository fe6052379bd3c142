import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { codeRedirectLocation } from './codeRedirectLocation.js';
import type { EmulatorContext } from './EmulatorContext.js';
import { SESSION_COOKIE, SESSION_LIFETIME_SECONDS } from './HostedUiSessions.js';
import { parseAuthorizeRequest } from './parseAuthorizeRequest.js';
import type { AuthorizeRequest } from './parseAuthorizeRequest.js';
import { readCookie } from './readCookie.js';
import { readForm } from './readBody.js';
import { renderErrorPage } from './renderErrorPage.js';
import { renderLoginPage } from './renderLoginPage.js';
import { sendAuthorizeRefusal } from './sendAuthorizeRefusal.js';
import { sendHtml, sendRedirect } from './send.js';

/** Cognito's message for an unknown user or a wrong password (the same for both: no user enumeration). */
const WRONG_CREDENTIALS = 'Incorrect username or password.';

function samePassword(typed: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(typed), digest(expected));
}

function page(request: AuthorizeRequest, url: URL, username: string, error: string | undefined): string {
  return renderLoginPage({
    action: `/login${url.search}`,
    username,
    error,
    clientName: request.client.name,
    lang: request.lang,
  });
}

/**
 * The hosted-UI sign-in page. `GET /login?{authorize parameters}` shows the form (Username pre-filled from
 * `login_hint`); `POST` with `username` and `password` (form-encoded) either shows the form again with
 * "Incorrect username or password." (400, no redirect) or starts a hosted-UI session (cookie `cognito`,
 * HttpOnly, SameSite=Lax, 1 hour) and redirects to `redirect_uri` with `code` and `state`.
 */
export async function handleLogin(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const outcome = parseAuthorizeRequest(ctx, url.searchParams);
  if (outcome.kind !== 'ok') {
    sendAuthorizeRefusal(ctx, res, 'login', outcome);
    return;
  }
  const { request } = outcome;
  if (req.method === 'GET') {
    sendHtml(res, 200, page(request, url, request.loginHint ?? '', undefined));
    return;
  }
  const form = await readForm(req);
  if (!form.ok) {
    sendHtml(res, 400, renderErrorPage(form.reason));
    return;
  }
  const username = form.params.get('username') ?? '';
  const user = ctx.users.get(username.toLowerCase());
  if (user === undefined || !samePassword(form.params.get('password') ?? '', user.password)) {
    ctx.config.log('login: incorrect username or password');
    sendHtml(res, 400, page(request, url, username, WRONG_CREDENTIALS));
    return;
  }
  ctx.sessions.end(readCookie(req, SESSION_COOKIE));
  const authTime = ctx.clock.nowSeconds();
  const sessionId = ctx.sessions.create({
    username: user.username,
    authTime,
    expiresAtMs: ctx.clock.nowMs() + SESSION_LIFETIME_SECONDS * 1000,
  });
  ctx.config.log(`login: ${user.username} signed in → code`);
  sendRedirect(res, codeRedirectLocation(ctx, request, user.username, authTime), {
    'set-cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; Max-Age=${SESSION_LIFETIME_SECONDS}; HttpOnly; SameSite=Lax`,
  });
}
