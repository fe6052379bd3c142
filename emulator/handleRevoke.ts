import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptPublicClientForm } from './acceptPublicClientForm.js';
import type { PublicClientRequest } from './acceptPublicClientForm.js';
import type { EmulatorContext } from './EmulatorContext.js';
import { NO_STORE } from './send.js';
import { refusal } from './TokenResult.js';

const revoke: PublicClientRequest = (ctx, client, params) => {
  const token = params.get('token');
  if (token === null || token === '') return refusal('invalid_request', 'token is required');
  if (token.split('.').length === 3)
    return refusal('unsupported_token_type', 'only refresh tokens can be revoked');
  const record = ctx.refreshTokens.find(token);
  if (record === undefined) {
    ctx.config.log('revoke: unknown refresh token, nothing revoked');
  } else {
    if (record.family.clientId !== client.clientId)
      return refusal('invalid_request', 'refresh token was issued to another client');
    ctx.refreshTokens.revoke(record);
    ctx.config.log('revoke: refresh token revoked');
  }
  return { ok: true, body: {} };
};

/**
 * `POST /oauth2/revoke` (form-encoded `token`, `client_id`): revokes a refresh token and every token of its
 * sign-in (refresh → `invalid_grant`, its access tokens → userInfo 401). Refresh tokens only: a JWT is
 * `unsupported_token_type`. An unknown or already revoked token answers 200, as RFC 7009 requires.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html
 */
export async function handleRevoke(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accepted = await acceptPublicClientForm(ctx, req, res, 'revoke', revoke);
  if (accepted === undefined) return;
  if (!res.destroyed) res.writeHead(200, { 'content-length': '0', ...NO_STORE }).end();
}
