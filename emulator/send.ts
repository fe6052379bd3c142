import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Headers every hosted-UI page carries: no framing (Cognito sends `X-Frame-Options: DENY`), no caching. */
const PAGE_HEADERS: OutgoingHttpHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
};

/** Headers that keep an answer of the token and revoke endpoints out of every cache (RFC 6749 §5.1). */
export const NO_STORE: OutgoingHttpHeaders = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** Ends `res` with a JSON body (`application/json;charset=UTF-8`, as Cognito answers). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Ends `res` with a hosted-UI HTML page. */
export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: OutgoingHttpHeaders = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, { ...PAGE_HEADERS, ...headers });
  res.end(html);
}

/** Ends `res` with a 302 to `location`. */
export function sendRedirect(res: ServerResponse, location: string, headers: OutgoingHttpHeaders = {}): void {
  if (res.destroyed) return;
  res.writeHead(302, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}
