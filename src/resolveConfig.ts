import { AuthError } from './AuthError.js';
import type { CognitoConfig } from './CognitoConfig.js';
import { cognitoEndpoints, type CognitoEndpoints } from './cognitoEndpoints.js';

/** A validated {@link CognitoConfig} with every default applied and every URL derived (internal). */
export interface ResolvedConfig {
  userPoolId: string;
  clientId: string;
  /** The pool's region (the pool ID's prefix). */
  region: string;
  /** `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`, `${endpoint}/${userPoolId}`, or `authority`. */
  issuer: string;
  /** `${issuer}/.well-known/jwks.json` */
  jwksUri: string;
  /** `${issuer}/.well-known/openid-configuration` */
  metadataUrl: string;
  /** The hosted-UI endpoints, or `null` when no `domain` was given (they come from discovery). */
  endpoints: CognitoEndpoints | null;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** The app's origin, e.g. `http://localhost:8585`. */
  appOrigin: string;
  scopes: string[];
  storage: 'session' | 'local' | 'memory';
  requestTimeoutSeconds: number;
  renewBeforeExpirySeconds: number;
  debug: boolean;
}

/** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$/;
/** The region in a Cognito issuer host (`cognito-idp.{region}.amazonaws.com`) or domain (`….auth.{region}.amazoncognito.com`). */
const AWS_HOST_REGION = /(?:^cognito-idp|\.auth)\.([\w-]+)\.amazon(?:aws|cognito)\.com$/;

function fail(field: string, problem: string, fix: string): never {
  throw new AuthError('config', `${field}: ${problem} — ${fix}.`);
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Parses an https URL (http only on loopback) without credentials, query or fragment, in the pool's region;
 * a `domain` may be a bare host and has no path.
 */
function checkUrl(field: string, value: unknown, region: string): URL {
  const domain = field === 'domain';
  const url =
    typeof value === 'string'
      ? parseUrl(domain && !value.includes('://') ? `https://${value}` : value)
      : undefined;
  const hostRegion = url && AWS_HOST_REGION.exec(url.hostname)?.[1];
  let problem = '';
  if (!url) {
    problem = 'is not a URL';
  } else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    problem = `uses ${url.protocol}`;
  } else if (url.username || url.password || /[?#]/.test(value as string)) {
    problem = 'has credentials, a query or a fragment';
  } else if (domain && url.pathname !== '/') {
    problem = 'has a path';
  } else if (hostRegion && hostRegion !== region) {
    problem = `is in region ${hostRegion}, the user pool in ${region}`;
  }
  if (!url || problem) {
    fail(
      field,
      `${JSON.stringify(value)} ${problem}`,
      `use ${domain ? 'https://host' : 'an https:// URL'} of this pool (http:// only for localhost, 127.0.0.1, [::1]), without credentials, query or fragment`,
    );
  }
  return url;
}

/** An absolute URL on the app's origin, without fragment, returned exactly as given (Cognito matches it exactly). */
function appUrl(field: string, value: string | undefined, origin: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || parseUrl(value)?.origin !== origin || value.includes('#')) {
    fail(
      field,
      `${JSON.stringify(value)} is not an absolute URL on the app's origin ${origin}, or has a fragment`,
      `use a URL on ${origin} without "#", exactly as registered on the app client`,
    );
  }
  return value;
}

/**
 * Validates a {@link CognitoConfig} and derives everything the SDK needs: region, issuer, JWKS and discovery URLs,
 * the hosted-UI endpoints, and the defaults. Every input is checked up front.
 *
 * @param config - the provider's configuration
 * @param appOrigin - the app's origin (default: `window.location.origin`)
 * @throws AuthError code `config`, message `<field>: <what is wrong> — <how to fix>.`
 * @example
 * ```ts
 * resolveConfig({ userPoolId: 'eu-west-1_AbC123', clientId: 'abc', domain: 'app.auth.eu-west-1.amazoncognito.com' })
 *   .issuer; // → 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123'
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export function resolveConfig(
  config: CognitoConfig,
  appOrigin: string = window.location.origin,
): ResolvedConfig {
  const { userPoolId: pool, clientId, endpoint, authority } = config;
  if (typeof pool !== 'string' || pool.length > 55 || !/^[\w-]+_[0-9a-zA-Z]+$/.test(pool)) {
    fail(
      'userPoolId',
      `${JSON.stringify(pool)} is not a user pool ID`,
      'copy it from the Cognito console, e.g. "us-east-1_AbC123xyz"',
    );
  }
  const region = pool.slice(0, pool.indexOf('_'));
  if (config.region !== undefined && config.region !== region) {
    fail(
      'region',
      `"${config.region}" contradicts the user pool ID ${pool}`,
      `set "${region}" or leave it out`,
    );
  }
  if (typeof clientId !== 'string' || !/^[\w+]{1,128}$/.test(clientId)) {
    fail(
      'clientId',
      `${JSON.stringify(clientId)} is not an app client ID`,
      "copy a public app client's ID from the Cognito console",
    );
  }
  const origin = new URL(appOrigin).origin;

  let issuer = `https://cognito-idp.${region}.amazonaws.com/${pool}`;
  if (endpoint !== undefined) {
    checkUrl('endpoint', endpoint, region);
    issuer = `${endpoint.replace(/\/+$/, '')}/${pool}`;
  }
  if (authority !== undefined) {
    checkUrl('authority', authority, region);
    const given = authority.replace(/\/+$/, '');
    if (!given.endsWith(`/${pool}`)) {
      fail(
        'authority',
        `"${authority}" does not end with the user pool ID`,
        `use https://cognito-idp.${region}.amazonaws.com/${pool}`,
      );
    }
    if (endpoint !== undefined && given !== issuer) {
      fail('authority', `"${authority}" disagrees with endpoint "${endpoint}"`, 'set only one of them');
    }
    issuer = given;
  }

  const scopes = config.scopes ?? ['openid', 'email', 'profile'];
  if (
    !Array.isArray(scopes) ||
    !scopes.includes('openid') ||
    !scopes.every((s) => typeof s === 'string' && SCOPE_TOKEN.test(s))
  ) {
    fail(
      'scopes',
      `${JSON.stringify(scopes)} lacks "openid" or has a malformed entry`,
      'give one scope per entry, e.g. ["openid", "email"]',
    );
  }
  const storage = config.storage ?? 'session';
  if (!['session', 'local', 'memory'].includes(storage)) {
    fail('storage', `"${storage}" is not a storage kind`, 'use "session", "local" or "memory"');
  }
  const seconds = (field: 'requestTimeoutSeconds' | 'renewBeforeExpirySeconds', fallback: number): number => {
    const value = config[field] ?? fallback;
    if (typeof value !== 'number' || !(value > 0 && value < Infinity))
      fail(field, `${value} is not a positive number`, `give seconds, e.g. ${fallback}`);
    return value;
  };

  return {
    userPoolId: pool,
    clientId,
    region,
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    endpoints:
      config.domain === undefined ? null : cognitoEndpoints(checkUrl('domain', config.domain, region).origin),
    redirectUri: appUrl('redirectUri', config.redirectUri, origin, `${origin}/callback`),
    postLogoutRedirectUri: appUrl(
      'postLogoutRedirectUri',
      config.postLogoutRedirectUri,
      origin,
      `${origin}/`,
    ),
    appOrigin: origin,
    scopes: [...scopes],
    storage,
    requestTimeoutSeconds: seconds('requestTimeoutSeconds', 10),
    renewBeforeExpirySeconds: seconds('renewBeforeExpirySeconds', 60),
    debug: config.debug === true,
  };
}
