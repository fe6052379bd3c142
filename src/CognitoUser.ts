import type { User } from 'oidc-client-ts';
import type { CognitoIdTokenClaims, CustomClaims } from './claims.js';

/**
 * The signed-in user, read from the verified ID token.
 *
 * @typeParam TClaims - your pool's extra claims, a type literal or an interface, e.g. `{ 'custom:team': string }`
 *   (default: {@link CustomClaims})
 * @example
 * ```tsx
 * const { user } = useAuth<{ 'custom:team': string }>();
 * user?.claims['custom:team'];
 * ```
 */
export interface CognitoUser<TClaims extends object = CustomClaims> {
  /** The user's stable ID (`sub`). */
  sub: string;
  /** `cognito:username`. */
  username: string;
  /** `email`, when the `email` scope was granted. */
  email: string | undefined;
  /** `cognito:groups` (default: `[]`). */
  groups: readonly string[];
  /** Every claim of the ID token. */
  claims: CognitoIdTokenClaims & TClaims;
  /** The raw ID token (a JWT). Send it only to your own backend. */
  idToken: string;
  /** The raw access token (a JWT). Prefer `getAccessToken()`, which renews first when near expiry. */
  accessToken: string;
  /** When the access token expires, epoch milliseconds (from `expires_in`, on this browser's clock). */
  expiresAt: number;
}

/** Maps an oidc-client-ts `User` to a {@link CognitoUser} (internal). */
export function toCognitoUser(user: User): CognitoUser {
  const claims = user.profile as unknown as CognitoUser['claims'];
  return {
    sub: claims.sub,
    username: claims['cognito:username'],
    email: claims.email,
    // An array, or none: a damaged stored session's string would pass `groups.includes` as a substring match.
    groups: Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [],
    claims,
    idToken: user.id_token ?? '',
    accessToken: user.access_token,
    expiresAt: (user.expires_at ?? 0) * 1000,
  };
}
