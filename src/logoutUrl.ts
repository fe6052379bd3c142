import type { CognitoEndpoints } from './cognitoEndpoints.js';

/**
 * Builds Cognito's sign-out URL, `{domain}/logout?client_id=…&logout_uri=…` — Cognito's own parameters, not the
 * standard `post_logout_redirect_uri`, which Cognito's `/logout` rejects. Navigate to it at top level (it is not
 * CORS-enabled).
 *
 * @param endpoints - the pool domain's endpoints (only `logout` is used)
 * @param clientId - the app client ID
 * @param logoutUri - where to land afterwards; must be one of the client's allowed sign-out URLs
 * @example
 * ```ts
 * window.location.assign(logoutUrl(endpoints, clientId, 'http://localhost:8585/'));
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export function logoutUrl(
  endpoints: Pick<CognitoEndpoints, 'logout'>,
  clientId: string,
  logoutUri: string,
): string {
  return `${endpoints.logout}?${new URLSearchParams({ client_id: clientId, logout_uri: logoutUri })}`;
}
