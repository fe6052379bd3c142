/** The OpenID configuration Cognito publishes: exactly its fields, in its order. */
export interface DiscoveryDocument {
  authorization_endpoint: string;
  end_session_endpoint: string;
  id_token_signing_alg_values_supported: ['RS256'];
  issuer: string;
  jwks_uri: string;
  response_types_supported: ['code', 'token'];
  revocation_endpoint: string;
  scopes_supported: ['openid', 'email', 'phone', 'profile'];
  subject_types_supported: ['public'];
  token_endpoint: string;
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'];
  userinfo_endpoint: string;
}

/**
 * `{issuer}/.well-known/openid-configuration` as Cognito serves it: hosted-UI endpoints on the domain
 * (`userInfo` with a capital I), no `code_challenge_methods_supported`, no `check_session_iframe`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 */
export function discoveryDocument(issuer: string, domain: string): DiscoveryDocument {
  return {
    authorization_endpoint: `${domain}/oauth2/authorize`,
    end_session_endpoint: `${domain}/logout`,
    id_token_signing_alg_values_supported: ['RS256'],
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    revocation_endpoint: `${domain}/oauth2/revoke`,
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    token_endpoint: `${domain}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    userinfo_endpoint: `${domain}/oauth2/userInfo`,
  };
}
