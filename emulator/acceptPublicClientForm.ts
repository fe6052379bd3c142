import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import { readForm } from './readBody.js';
import type { ResolvedClient } from './resolveOptions.js';
import { NO_STORE, sendJson } from './send.js';
import { refusal } from './TokenResult.js';
import type { TokenResult } from './TokenResult.js';

/** What an endpoint does with a checked request: the grant or revocation itself. */
export type PublicClientRequest = (
  ctx: EmulatorContext,
  client: ResolvedClient,
  params: URLSearchParams,
) => TokenResult | Promise<TokenResult>;

async function check(
  ctx: EmulatorContext,
  req: IncomingMessage,
  run: PublicClientRequest,
): Promise<TokenResult> {
  const form = await readForm(req);
  if (!form.ok) return refusal('invalid_request', form.reason);
  const { params } = form;
  if (req.headers.authorization !== undefined)
    return refusal('invalid_client', 'public client: no Authorization header allowed');
  if (params.has('client_secret'))
    return refusal('invalid_client', 'public client: no client_secret allowed');
  const clientId = params.get('client_id');
  if (clientId === null || clientId === '') return refusal('invalid_request', 'client_id is required');
  const client = ctx.clients.get(clientId);
  if (client === undefined) return refusal('invalid_client', 'unknown client_id');
  return run(ctx, client, params);
}

/**
 * The handling `POST /oauth2/token` and `POST /oauth2/revoke` share (the router has checked the method): the
 * body must be a form from a public client — `client_id` of a known app client and no secret at all (an `Authorization` header
 * or a `client_secret` is `invalid_client`) — before `run` decides. A refusal at any step is logged and answered
 * 400 `{"error":"…"}` (no-store) — 401 for `invalid_client` at `/oauth2/revoke`, as Cognito documents there.
 * Returns the accepted body for the caller to answer, or `undefined` once the request has been answered.
 */
export async function acceptPublicClientForm(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: 'token' | 'revoke',
  run: PublicClientRequest,
): Promise<Record<string, string | number> | undefined> {
  const result = await check(ctx, req, run);
  if (result.ok) return result.body;
  ctx.config.log(`${endpoint}: ${result.error} — ${result.reason}`);
  const status = endpoint === 'revoke' && result.error === 'invalid_client' ? 401 : 400;
  sendJson(res, status, { error: result.error }, NO_STORE);
  return undefined;
}
