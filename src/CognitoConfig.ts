/**
 * How the SDK reaches your user pool: the props of `<CognitoProvider>`. Everything is validated up front
 * (see `resolveConfig`); a bad value throws `AuthError` code `config` naming the field and the fix.
 *
 * @example
 * ```tsx
 * <CognitoProvider
 *   userPoolId="eu-west-1_AbCdEf123"
 *   clientId="4vkq3example"
 *   domain="myapp.auth.eu-west-1.amazoncognito.com"
 * >
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 */
export interface CognitoConfig {
  /**
   * The user pool ID, `{region}_{id}` (e.g. `us-east-1_AbC123xyz`, at most 55 characters); its prefix is the region,
   * and must be an AWS region unless `endpoint` or `authority` is given (emulators use e.g. `local_…`).
   */
  userPoolId: string;
  /** The app client ID of a public client (no client secret: a secret cannot be kept in a browser). */
  clientId: string;
  /**
   * The hosted-UI (managed login) domain: `prefix.auth.region.amazoncognito.com`, a custom domain such as
   * `auth.example.com`, or a full `https://` URL; `http://` only for localhost, 127.0.0.1 and [::1]
   * (default: none — the endpoints are read once from the pool's discovery document).
   */
  domain?: string;
  /** The AWS region; when given it must equal the pool ID's prefix (default: the pool ID's prefix). */
  region?: string;
  /**
   * Issuer base for emulators and other local stand-ins: the issuer becomes `${endpoint}/${userPoolId}`
   * (default: `https://cognito-idp.{region}.amazonaws.com`, `.com.cn` for `cn-` and `.eu` for `eusc-` regions).
   */
  endpoint?: string;
  /**
   * The full issuer URL, as OpenMetadata's `authority`; its last path segment must be `userPoolId`
   * (default: derived from `endpoint` or the region). For an AWS issuer (`https://cognito-idp.…`) tokens may carry
   * its updated form `https://issuer-cognito-idp.…` (a pool with `IssuerConfiguration: UPDATED`).
   */
  authority?: string;
  /**
   * Where Cognito sends the browser after sign-in: an absolute URL on the app's origin, exactly as registered on
   * the app client (default: `${origin}/callback`). Like Cognito, it must be https (`http://` only on localhost).
   */
  redirectUri?: string;
  /**
   * Where Cognito's `/logout` sends the browser (its `logout_uri`): an absolute URL on the app's origin, exactly
   * as registered as a sign-out URL (default: `${origin}/`); https (`http://` only on localhost).
   */
  postLogoutRedirectUri?: string;
  /** OAuth scopes to request; must include `openid` (default: `['openid', 'email', 'profile']`). */
  scopes?: readonly string[];
  /**
   * Where the session is kept (default: `'session'`). `'session'` survives a tab's reloads, not a browser restart (a
   * new tab receives the session from an open tab); `'local'` also survives restarts; `'memory'` is lost on reload.
   *
   * **Warning:** script injected into the page (XSS) can read tokens in `'session'` and `'local'` storage, and
   * `'local'` keeps them after the browser closes. Prefer the default.
   */
  storage?: 'session' | 'local' | 'memory';
  /**
   * Timeout of each request to Cognito — code exchange, refresh, revoke, JWKS — in seconds, at most 2147483
   * (default: 10).
   */
  requestTimeoutSeconds?: number;
  /**
   * Renew the tokens this many seconds (at most 2147483) before they expire (default: 60). Keep it below the access
   * token's lifetime (Cognito's minimum is 5 minutes): above it, every token asked for is renewed first.
   */
  renewBeforeExpirySeconds?: number;
  /** Log the flow's steps to the console, never token values (default: false). */
  debug?: boolean;
}
