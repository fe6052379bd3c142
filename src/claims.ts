/**
 * The claims of a Cognito user pool ID token, as the SDK has verified them; `custom:*` attributes are strings.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
 */
export interface CognitoIdTokenClaims {
  /** The user's stable, unique ID (a UUID). */
  sub: string;
  /**
   * The issuer: `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`, or `https://issuer-cognito-idp.…` for a pool
   * with `IssuerConfiguration: UPDATED`.
   */
  iss: string;
  /** The app client ID the token was issued to. */
  aud: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
  /** Issue time, in seconds since the epoch. */
  iat: number;
  /** When the user authenticated, in seconds since the epoch. */
  auth_time: number;
  /** Always `'id'` for an ID token (`'access'` marks an access token). */
  token_use: 'id';
  /** The user name (not necessarily the e-mail address). */
  'cognito:username': string;
  /** The user pool groups the user belongs to, when any. */
  'cognito:groups'?: string[];
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  /** Echo of the sign-in request's nonce. */
  nonce?: string;
  /** Hash of the access token issued with this token. */
  at_hash?: string;
  jti?: string;
  /** The ID of the original authentication, shared by tokens renewed from it. */
  origin_jti?: string;
  event_id?: string;
  /** Custom user attributes, e.g. `custom:team`. */
  [claim: `custom:${string}`]: string | undefined;
}

/**
 * The default extra claims of `useAuth()`, `CognitoUser` and `AuthContextValue`: any claim, read as `unknown`. Pass
 * your own as the type argument instead — a type literal or an interface.
 *
 * @example
 * ```ts
 * interface TeamClaims {
 *   'custom:team': string;
 * }
 * const { user } = useAuth<TeamClaims>();
 * const team: string | undefined = user?.claims['custom:team'];
 * ```
 */
export type CustomClaims = Record<string, unknown>;
