import type { ServerResponse } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import type { AuthorizeOutcome } from './parseAuthorizeRequest.js';
import { renderErrorPage } from './renderErrorPage.js';
import { sendHtml, sendRedirect } from './send.js';

/** Answers a refused authorize request: the error page (400, no redirect) or a 302 with the OAuth error. */
export function sendAuthorizeRefusal(
  ctx: EmulatorContext,
  res: ServerResponse,
  endpoint: string,
  outcome: Exclude<AuthorizeOutcome, { kind: 'ok' }>,
): void {
  if (outcome.kind === 'page') {
    ctx.config.log(`${endpoint}: error page — ${outcome.message}`);
    sendHtml(res, 400, renderErrorPage(outcome.message, outcome.error));
    return;
  }
  ctx.config.log(`${endpoint}: ${outcome.error} to redirect_uri — ${outcome.description}`);
  sendRedirect(res, outcome.location);
}
