import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptPublicClientForm } from './acceptPublicClientForm.js';
import type { PublicClientRequest } from './acceptPublicClientForm.js';
import { exchangeAuthorizationCode } from './exchangeAuthorizationCode.js';
import { exchangeRefreshToken } from './exchangeRefreshToken.js';
import type { EmulatorContext } from './EmulatorContext.js';
import { NO_STORE, sendJson } from './send.js';
import { refusal } from './TokenResult.js';

const grant: PublicClientRequest = (ctx, client, params) => {
  const grantType = params.get('grant_type');
  if (grantType === null || grantType === '') return refusal('invalid_request', 'grant_type is required');
  if (grantType === 'authorization_code') return exchangeAuthorizationCode(ctx, client, params);
  if (grantType === 'refresh_token') return exchangeRefreshToken(ctx, client, params);
  if (grantType === 'client_credentials')
    return refusal('unauthorized_client', 'a public client cannot use client_credentials');
  return refusal('unsupported_grant_type', `grant_type ${grantType} is not supported`);
};

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
  const body = await acceptPublicClientForm(ctx, req, res, 'token', grant);
  if (body !== undefined) sendJson(res, 200, body, NO_STORE);
}
