import type { CognitoIdTokenClaims, CustomClaims } from '../claims.js';
import type { User } from 'oidc-client-ts';
import { toCognitoUser, type CognitoUser } from '../CognitoUser.js';

/** The issuer of mock tokens: a Cognito-shaped URL of a user pool that does not exist. */
const MOCK_ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_MockPool0';

/** The app client ID mock ID tokens are issued to (26 characters, like a Cognito app client ID). */
const MOCK_CLIENT_ID = 'mockclient0000000000000000';

/** A UUID-shaped ID derived from `seed`: the same seed gives the same ID, so tests can assert it. */
function mockUuid(seed: string): string {
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
    hex += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An unsecured JWT (RFC 7519 §6): `alg: none` and an empty signature, so no verifier accepts it. */
function unsecuredJwt(payload: object): string {
  const encode = (value: object): string =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

/**
 * Builds a signed-in {@link CognitoUser} for `<MockCognitoProvider user={…}>`: Cognito-shaped ID-token claims
 * (`sub`, `cognito:username`, `email`, `email_verified`, `iss`, `aud`, `token_use: 'id'`, `auth_time`, `iat`,
 * `exp`, `jti`, `origin_jti`, `event_id`), overridden by `claims`, and an ID token and an access token (Cognito's
 * access-token claims: `client_id`, `scope`, `username`, `token_use: 'access'`, the same `cognito:groups`) as JWT
 * strings that decode like Cognito's.
 *
 * Defaults (each replaced by the claim of the same name): `cognito:username` `'mock-user'`, `email`
 * `'{username}@example.com'`, `sub` a UUID derived from the username (the same username gives the same `sub`),
 * `iat` now, `auth_time` = `iat`, `exp` = `iat` + 3600 (one hour), no `cognito:groups`. `expiresAt` is `exp` in
 * milliseconds. "Now" is `Date.now()`, so fake timers apply.
 *
 * **Warning:** for UI tests only. The tokens are unsecured JWTs (`alg: 'none'`, empty signature, RFC 7519 §6):
 * the SDK and any correct verifier reject them, and a backend must never accept them.
 *
 * @param claims - ID-token claims to set or override, e.g. `{ 'cognito:groups': ['admin'], 'custom:team': 'data' }`
 * @typeParam TClaims - your extra claims (default: inferred from `claims`)
 * @example
 * ```tsx
 * const admin = createMockUser({ 'cognito:username': 'ada', 'cognito:groups': ['admin'], 'custom:team': 'data' });
 * admin.groups; // ['admin']
 * admin.email; // 'ada@example.com'
 * render(<MockCognitoProvider user={admin}><App /></MockCognitoProvider>);
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
export function createMockUser<TClaims extends object = CustomClaims>(
  claims?: Partial<CognitoIdTokenClaims> & TClaims,
): CognitoUser<TClaims> {
  const username = claims?.['cognito:username'] ?? 'mock-user';
  const iat = claims?.iat ?? Math.floor(Date.now() / 1000);
  const id = {
    sub: mockUuid(username),
    email_verified: true,
    iss: MOCK_ISSUER,
    'cognito:username': username,
    origin_jti: mockUuid(`${username}/origin_jti`),
    aud: MOCK_CLIENT_ID,
    event_id: mockUuid(`${username}/event_id`),
    token_use: 'id' as const,
    auth_time: iat,
    iat,
    exp: iat + 3600,
    jti: mockUuid(`${username}/id`),
    email: `${username}@example.com`,
    ...claims,
  } as CognitoIdTokenClaims & TClaims;
  const access = {
    sub: id.sub,
    'cognito:groups': id['cognito:groups'],
    iss: id.iss,
    client_id: id.aud,
    origin_jti: id.origin_jti,
    event_id: id.event_id,
    token_use: 'access',
    scope: 'openid email profile',
    auth_time: id.auth_time,
    iat: id.iat,
    exp: id.exp,
    jti: mockUuid(`${username}/access`),
    username,
  };
  // The same mapping as a signed-in session's user: the mock is an oidc-client-ts `User` in shape.
  return toCognitoUser({
    profile: id,
    id_token: unsecuredJwt(id),
    access_token: unsecuredJwt(access),
    expires_at: id.exp,
  } as unknown as User) as CognitoUser<TClaims>;
}
