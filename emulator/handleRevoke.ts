import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import { checkPublicClient } from './checkPublicClient.js';
import { readForm } from './readBody.js';
import { sendJson } from './send.js';
import { refusal } from './TokenResult.js';
import type { TokenResult } from './TokenResult.js';

async function revoke(ctx: EmulatorContext, req: IncomingMessage): Promise<TokenResult> {
  const form = await readForm(req);
  if (!form.ok) return refusal('invalid_request', form.reason);
  const { params } = form;
  const checked = checkPublicClient(ctx, req, params);
  if ('refused' in checked) return checked.refused;
  const token = params.get('token');
  if (token === null || token === '') return refusal('invalid_request', 'token is required');
  if (token.split('.').length === 3)
    return refusal('unsupported_token_type', 'only refresh tokens can be revoked');
  const record = ctx.refreshTokens.find(token);
  if (record !== undefined) {
    if (record.family.clientId !== checked.client.clientId)
      return refusal('invalid_request', 'refresh token was issued to another client');
    record.family.revoked = true;
  }
  return { ok: true, body: {} };
}

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
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request' }, { allow: 'POST, OPTIONS' });
    return;
  }
  const result = await revoke(ctx, req);
  if (!result.ok) {
    ctx.config.log(`revoke: ${result.error} — ${result.reason}`);
    sendJson(res, 400, { error: result.error });
    return;
  }
  ctx.config.log('revoke: refresh token revoked');
  if (!res.destroyed) res.writeHead(200, { 'content-length': '0', 'cache-control': 'no-store' }).end();
}
