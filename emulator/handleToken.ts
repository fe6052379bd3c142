import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import { checkPublicClient } from './checkPublicClient.js';
import { exchangeAuthorizationCode } from './exchangeAuthorizationCode.js';
import { exchangeRefreshToken } from './exchangeRefreshToken.js';
import { readForm } from './readBody.js';
import { sendJson } from './send.js';
import { refusal } from './TokenResult.js';
import type { TokenResult } from './TokenResult.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

async function grant(ctx: EmulatorContext, req: IncomingMessage): Promise<TokenResult> {
  const form = await readForm(req);
  if (!form.ok) return refusal('invalid_request', form.reason);
  const { params } = form;
  const checked = checkPublicClient(ctx, req, params);
  if ('refused' in checked) return checked.refused;
  const { client } = checked;
  const grantType = params.get('grant_type');
  if (grantType === null || grantType === '') return refusal('invalid_request', 'grant_type is required');
  if (grantType === 'authorization_code') return exchangeAuthorizationCode(ctx, client, params);
  if (grantType === 'refresh_token') return exchangeRefreshToken(ctx, client, params);
  if (grantType === 'client_credentials')
    return refusal('unauthorized_client', 'a public client cannot use client_credentials');
  return refusal('unsupported_grant_type', `grant_type ${grantType} is not supported`);
}

/**
 * `POST /oauth2/token` (form-encoded): the `authorization_code` and `refresh_token` grants of a public
 * client. Errors are Cognito's JSON `{"error":"…"}` with status 400.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
 */
export async function handleToken(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request' }, { allow: 'POST, OPTIONS' });
    return;
  }
  const result = await grant(ctx, req);
  if (!result.ok) {
    ctx.config.log(`token: ${result.error} — ${result.reason}`);
    sendJson(res, 400, { error: result.error }, NO_STORE);
    return;
  }
  sendJson(res, 200, result.body, NO_STORE);
}
