/**
 * The answer of `GET /api/v1/system/config/auth`, with OpenMetadata's field names (its public part; no secrets).
 * `domain` is an extension OpenMetadata does not send: when present the SDK needs no discovery request.
 *
 * @see https://docs.open-metadata.org/latest/deployment/security/amazon-cognito
 */
export interface OpenMetadataAuthConfig {
  provider: 'aws-cognito';
  providerName: string;
  clientType: 'public';
  clientId: string;
  /** The pool's issuer URL. */
  authority: string;
  callbackUrl: string;
  publicKeyUrls: string[];
  responseType: 'code';
  tokenValidationAlgorithm: 'RS256';
  enableSelfSignup: boolean;
  enableAutoRedirect: boolean;
  jwtPrincipalClaims: string[];
  jwtPrincipalClaimsMapping: string[];
  domain?: string;
}
