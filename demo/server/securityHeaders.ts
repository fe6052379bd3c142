/** What the page headers depend on. */
export interface SecurityHeadersOptions {
  /** Origins the SPA talks to besides its own: the pool's issuer (JWKS, discovery) and the hosted-UI domain (token, revoke). */
  connectOrigins: readonly string[];
  /** Vite's dev client reloads the page over a WebSocket on the app's own origin (default: none). */
  webSocketOrigin?: string;
}

/**
 * The headers sent with every demo response: a Content-Security-Policy without inline script, no referrer
 * (a callback URL carrying `code` must never leak), no MIME sniffing, and no framing.
 *
 * @see https://www.w3.org/TR/CSP3/
 */
export function securityHeaders(options: SecurityHeadersOptions): Record<string, string> {
  const connect = [
    "'self'",
    ...options.connectOrigins,
    ...(options.webSocketOrigin ? [options.webSocketOrigin] : []),
  ];
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return {
    'Content-Security-Policy': policy.join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
