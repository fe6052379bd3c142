import type { IncomingMessage } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import type { ResolvedClient } from './resolveOptions.js';
import { refusal } from './TokenResult.js';
import type { TokenResult } from './TokenResult.js';

/**
 * Checks the client part shared by token and revoke requests: a public client sends `client_id` in the
 * form body and no secret at all — an `Authorization` header or a `client_secret` is `invalid_client`.
 * Returns the client, or the refusal.
 */
export function checkPublicClient(
  ctx: EmulatorContext,
  req: IncomingMessage,
  params: URLSearchParams,
): { client: ResolvedClient } | { refused: TokenResult } {
  if (req.headers.authorization !== undefined)
    return { refused: refusal('invalid_client', 'public client: no Authorization header allowed') };
  if (params.has('client_secret'))
    return { refused: refusal('invalid_client', 'public client: no client_secret allowed') };
  const clientId = params.get('client_id');
  if (clientId === null || clientId === '')
    return { refused: refusal('invalid_request', 'client_id is required') };
  const client = ctx.clients.get(clientId);
  if (client === undefined) return { refused: refusal('invalid_client', 'unknown client_id') };
  return { client };
}
