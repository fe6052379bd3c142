import { AuthError } from './AuthError.js';
import type { CognitoConfig } from './CognitoConfig.js';
import { cognitoEndpoints, type CognitoEndpoints } from './cognitoEndpoints.js';

/** A validated {@link CognitoConfig} with every default applied and every URL derived (internal). */
export interface ResolvedConfig {
  userPoolId: string;
  clientId: string;
  /** The pool's region (the pool ID's prefix). */
  region: string;
  /**
   * `https://cognito-idp.{region}.amazonaws.com/{userPoolId}` (`.com.cn` in China, `.eu` in the European Sovereign
   * Cloud), `${endpoint}/${userPoolId}`, or `authority`: the base of the JWKS and discovery URLs.
   */
  issuer: string;
  /**
   * The `iss` values accepted: `issuer`, and when it is AWS's original form (`https://cognito-idp.…`) its updated
   * form `https://issuer-cognito-idp.…` too, which a pool with `IssuerConfiguration: UPDATED` puts in its tokens.
   *
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_IssuerConfigurationType.html
   */
  issuers: string[];
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

/** RFC 6749 §3.3 scope-token: printable ASCII (`!`–`~`) except space, `"` and `\`. */
const SCOPE_TOKEN = /^[!#-[\]-~]+$/;
/**
 * The region in a Cognito issuer host (`cognito-idp.{region}.amazonaws.com`, `issuer-` in front when updated,
 * `.com.cn` in China, `.eu` in the European Sovereign Cloud) or domain (`….auth.{region}.amazoncognito.com`).
 */
const AWS_HOST_REGION = /(cognito-idp|\.auth)\.([\w-]+)\.amazon(aws|cognito)\.(com(\.cn)?|eu)$/;
/** https, or http on a loopback host. */
const SECURE = /^https:|^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/;
/** Drops trailing slashes. */
const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * Throws `AuthError` code `config` with the message `<field>: <value> <problem> — <fix>.` unless `ok`.
 *
 * @param ok - the condition that must hold
 * @param field - the setting, e.g. `userPoolId`
 * @param value - the offending value, shown as JSON (numbers as they are)
 * @param problem - what is wrong with it, e.g. `is not a user pool ID`
 * @param fix - what to do instead
 */
export function checkConfig(
  ok: unknown,
  field: string,
  value: unknown,
  problem: string,
  fix: string,
): asserts ok {
  if (!ok) {
    throw new AuthError(
      'config',
      `${field}: ${typeof value === 'number' ? value : JSON.stringify(value)} ${problem} — ${fix}.`,
    );
  }
}

/**
 * Parses an absolute URL.
 *
 * @param value - the candidate
 * @returns the URL, or `undefined` when `value` is not one
 */
export function parseUrl(value: unknown): URL | undefined {
  try {
    return new URL(value as string);
  } catch {
    return undefined;
  }
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
export function resolveConfig(config: CognitoConfig, appOrigin: string = location.origin): ResolvedConfig {
  const { userPoolId: pool, clientId, endpoint, authority, domain } = config;
  const fromConsole = 'copy it from the Cognito console';
  const poolFix = `${fromConsole} (e.g. us-east-1_AbC123xyz)`;
  checkConfig(
    typeof pool === 'string' && /^(?=.{0,55}$)[\w-]+_[^\W_]+$/.test(pool),
    'userPoolId',
    pool,
    'is not a user pool ID',
    poolFix,
  );
  const region = pool.split('_')[0] as string;
  // An AWS region's shape: area, optional partition or country (gov, iso…, de), direction, number — a misspelt
  // direction (eu-wset-1) is caught here, not later as a domain "in another region". Emulators and other stand-ins
  // (endpoint or authority given) may use any prefix, e.g. cognito-local's `local_…`.
  checkConfig(
    endpoint !== undefined ||
      authority !== undefined ||
      /^([a-z]{2,4}-){1,2}(central|(north|south)(east|west)?|east|west)-\d+$/.test(region),
    'userPoolId',
    pool,
    'does not start with an AWS region',
    poolFix,
  );
  checkConfig(
    (config.region ?? region) === region,
    'region',
    config.region,
    'contradicts userPoolId',
    `use "${region}" or leave it out`,
  );
  checkConfig(
    typeof clientId === 'string' && /^[\w+]{1,128}$/.test(clientId),
    'clientId',
    clientId,
    'is not an app client ID',
    fromConsole,
  );
  const origin = new URL(appOrigin).origin;

  /**
   * An https URL (http only on loopback) without credentials, query or fragment, in the pool's region;
   * a `domain` may be a bare host and has no path.
   */
  const checkUrl = (field: 'endpoint' | 'authority' | 'domain', value: string): URL => {
    const isDomain = field === 'domain';
    const url =
      typeof value === 'string' && parseUrl(isDomain && !value.includes('://') ? `https://${value}` : value);
    checkConfig(
      url && SECURE.test(url.href),
      field,
      value,
      'is not an https URL',
      'use https:// (http:// only on loopback)',
    );
    checkConfig(
      url.href === url.origin + (isDomain ? '/' : url.pathname),
      field,
      value,
      `has ${isDomain ? 'a path, ' : ''}credentials, a query or a fragment`,
      'remove them',
    );
    checkConfig(
      (AWS_HOST_REGION.exec(url.hostname)?.[2] ?? region) === region,
      field,
      value,
      `is not in ${region}`,
      "use the user pool's region",
    );
    return url;
  };
  /**
   * An absolute URL on the app's origin, without fragment, returned exactly as given (Cognito matches it exactly);
   * https, or http on localhost, as Cognito requires of callback and sign-out URLs.
   */
  const appUrl = (field: 'redirectUri' | 'postLogoutRedirectUri', path: string): string => {
    const value = config[field] ?? origin + path;
    checkConfig(
      typeof value === 'string' && parseUrl(value)?.origin === origin && !value.includes('#'),
      field,
      value,
      `is not a URL on ${origin} without "#"`,
      'use one registered on the app client',
    );
    checkConfig(
      /^https:|^http:\/\/localhost(:|$)/.test(origin),
      field,
      value,
      'is not an https URL',
      'serve the app over https:// (http:// only on localhost)',
    );
    return value;
  };
  /** A positive number of seconds that setTimeout can wait: at most 2147483 (2^31 − 1 ms; more fires at once). */
  const seconds = (field: 'requestTimeoutSeconds' | 'renewBeforeExpirySeconds', fallback: number): number => {
    const value = config[field] ?? fallback;
    checkConfig(
      Number.isFinite(value) && value > 0 && value <= 2147483,
      field,
      value,
      'is not a positive number up to 2147483',
      `give seconds, e.g. ${fallback}`,
    );
    return value;
  };

  // The partition's DNS suffix, as AWS's SDKs derive it: aws-cn and aws-eusc differ from amazonaws.com.
  const suffix = region.startsWith('cn-') ? 'com.cn' : region.startsWith('eusc-') ? 'eu' : 'com';
  let issuer = `https://cognito-idp.${region}.amazonaws.${suffix}/${pool}`;
  if (endpoint !== undefined) {
    checkUrl('endpoint', endpoint);
    issuer = `${trimSlash(endpoint)}/${pool}`;
  }
  if (authority !== undefined) {
    checkUrl('authority', authority);
    const given = trimSlash(authority);
    checkConfig(
      given === issuer || (endpoint === undefined && given.endsWith(`/${pool}`)),
      'authority',
      authority,
      "is not the pool's issuer",
      `use ${issuer} or leave it out`,
    );
    issuer = given;
  }

  const scopes = config.scopes ?? ['openid', 'email', 'profile'];
  checkConfig(
    Array.isArray(scopes) &&
      scopes.includes('openid') &&
      scopes.every((s) => typeof s === 'string' && SCOPE_TOKEN.test(s)),
    'scopes',
    scopes,
    'lacks "openid" or has a bad entry',
    'include "openid", one scope per entry',
  );
  const storage = config.storage ?? 'session';
  const kinds = ['session', 'local', 'memory'];
  checkConfig(
    kinds.includes(storage),
    'storage',
    storage,
    'is unknown',
    `use one of ${JSON.stringify(kinds)}`,
  );
  const wellKnown = `${issuer}/.well-known/`;

  return {
    userPoolId: pool,
    clientId,
    region,
    issuer,
    issuers: issuer.startsWith('https://cognito-idp.')
      ? [issuer, issuer.replace('//', '//issuer-')]
      : [issuer],
    jwksUri: `${wellKnown}jwks.json`,
    metadataUrl: `${wellKnown}openid-configuration`,
    endpoints: domain === undefined ? null : cognitoEndpoints(checkUrl('domain', domain).origin),
    redirectUri: appUrl('redirectUri', '/callback'),
    postLogoutRedirectUri: appUrl('postLogoutRedirectUri', '/'),
    appOrigin: origin,
    scopes: [...scopes],
    storage,
    requestTimeoutSeconds: seconds('requestTimeoutSeconds', 10),
    renewBeforeExpirySeconds: seconds('renewBeforeExpirySeconds', 60),
    debug: config.debug === true,
  };
}
