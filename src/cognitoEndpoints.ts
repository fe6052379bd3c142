/**
 * The hosted-UI (managed login) endpoints of a user pool domain.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 */
export interface CognitoEndpoints {
  /** `{domain}/oauth2/authorize` */
  authorize: string;
  /** `{domain}/oauth2/token` */
  token: string;
  /** `{domain}/oauth2/revoke` (refresh tokens only) */
  revoke: string;
  /** `{domain}/logout` (takes `client_id` and `logout_uri`) */
  logout: string;
}

/**
 * Builds the endpoint URLs that live on a user pool domain.
 *
 * @param origin - the domain's origin, e.g. `https://myapp.auth.eu-west-1.amazoncognito.com` (no trailing slash)
 * @example
 * ```ts
 * cognitoEndpoints('https://myapp.auth.eu-west-1.amazoncognito.com').token
 * // → 'https://myapp.auth.eu-west-1.amazoncognito.com/oauth2/token'
 * ```
 */
export function cognitoEndpoints(origin: string): CognitoEndpoints {
  const oauth2 = `${origin}/oauth2/`;
  return {
    authorize: `${oauth2}authorize`,
    token: `${oauth2}token`,
    revoke: `${oauth2}revoke`,
    logout: `${origin}/logout`,
  };
}
