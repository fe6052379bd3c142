import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFault } from './applyFault.js';
import { discoveryDocument } from './discoveryDocument.js';
import type { EmulatorContext } from './EmulatorContext.js';
import type { EmulatorControls } from './EmulatorControls.js';
import { handleAdminRequest } from './handleAdminRequest.js';
import { sendJson } from './send.js';

const PUBLIC = { 'access-control-allow-origin': '*' };

/**
 * The issuer origin (`cognito-idp.{region}.amazonaws.com` in Cognito): `GET
 * /{userPoolId}/.well-known/openid-configuration` and `/.well-known/jwks.json` (CORS `*`), plus the admin
 * API under `/_emulator/`. Another pool ID answers 400 `ResourceNotFoundException`.
 */
export async function handleIssuerRequest(
  ctx: EmulatorContext,
  controls: EmulatorControls,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const admin = /^\/_emulator\/([A-Za-z]+)$/.exec(url.pathname);
  if (admin?.[1] !== undefined) return handleAdminRequest(controls, req, res, admin[1]);
  const wellKnown = /^\/([^/]+)\/\.well-known\/(openid-configuration|jwks\.json)$/.exec(url.pathname);
  if (wellKnown === null) return sendJson(res, 404, { message: 'Not Found' });
  if (req.method === 'OPTIONS') {
    res
      .writeHead(204, {
        ...PUBLIC,
        'access-control-allow-methods': 'GET, OPTIONS',
        'access-control-max-age': '600',
      })
      .end();
    return;
  }
  const isJwks = wellKnown[2] === 'jwks.json';
  ctx.counts.count(isJwks ? 'jwks' : 'discovery');
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendJson(res, 405, { message: 'Method Not Allowed' }, { ...PUBLIC, allow: 'GET' });
  if (wellKnown[1] !== ctx.config.userPoolId) {
    return sendJson(
      res,
      400,
      { code: 'ResourceNotFoundException', message: `User pool ${wellKnown[1] ?? ''} does not exist.` },
      PUBLIC,
    );
  }
  if (!isJwks) return sendJson(res, 200, discoveryDocument(ctx.issuer, ctx.domain), PUBLIC);
  res.setHeader('access-control-allow-origin', '*');
  if (await applyFault(ctx.faults, 'jwks', req, res)) return;
  sendJson(res, 200, ctx.keys.jwks());
}
