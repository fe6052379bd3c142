import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for the domain's token, revoke and userInfo endpoints: origins of registered callback URLs get
 * `Access-Control-Allow-Origin` (echoed, with `Vary: Origin`); a preflight (`OPTIONS`) is answered here —
 * 204 for an allowed origin, 403 otherwise. Returns true when the request was a preflight and is finished.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: ReadonlySet<string>,
  methods: string,
): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.has(origin);
  res.setHeader('vary', 'Origin');
  if (allowed) res.setHeader('access-control-allow-origin', origin);
  if (req.method !== 'OPTIONS') return false;
  if (!allowed) {
    res.writeHead(403).end();
    return true;
  }
  res.writeHead(204, {
    'access-control-allow-methods': `${methods}, OPTIONS`,
    'access-control-allow-headers': 'Authorization, Content-Type',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
