import { CODE_LIFETIME_MS } from './AuthorizationCodeStore.js';
import type { EmulatorContext } from './EmulatorContext.js';
import type { AuthorizeRequest } from './parseAuthorizeRequest.js';

/** Issues an authorization code for the signed-in `username` and returns `redirect_uri?code=…&state=…`. */
export function codeRedirectLocation(
  ctx: EmulatorContext,
  request: AuthorizeRequest,
  username: string,
  authTime: number,
): string {
  const code = ctx.codes.issue({
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    username,
    scopes: request.scopes,
    nonce: request.nonce,
    authTime,
    expiresAtMs: ctx.clock.nowMs() + CODE_LIFETIME_MS,
  });
  const url = new URL(request.redirectUri);
  url.searchParams.append('code', code);
  if (request.state !== undefined) url.searchParams.append('state', request.state);
  return url.href;
}
