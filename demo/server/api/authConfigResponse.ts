import type { OpenMetadataAuthConfig } from '../../shared/OpenMetadataAuthConfig.js';
import type { DemoAuthSettings } from '../DemoAuthSettings.js';

/**
 * OpenMetadata's `GET /api/v1/system/config/auth` answer for the demo's pool; the UI turns it into
 * `<CognitoProvider>` props with `configFromOpenMetadata`.
 */
export function authConfigResponse(auth: DemoAuthSettings, appOrigin: string): OpenMetadataAuthConfig {
  return {
    provider: 'aws-cognito',
    providerName: 'AWS Cognito',
    clientType: 'public',
    clientId: auth.clientId,
    authority: auth.authority,
    callbackUrl: `${appOrigin}/callback`,
    publicKeyUrls: [`${auth.authority}/.well-known/jwks.json`],
    responseType: 'code',
    tokenValidationAlgorithm: 'RS256',
    enableSelfSignup: false,
    enableAutoRedirect: false,
    jwtPrincipalClaims: ['email', 'cognito:username', 'sub'],
    jwtPrincipalClaimsMapping: [],
    ...(auth.domain === undefined ? {} : { domain: auth.domain }),
  };
}
