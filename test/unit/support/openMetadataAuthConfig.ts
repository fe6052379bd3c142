/** OpenMetadata's answer to `GET /api/v1/system/config/auth` for a Cognito user pool with a public app client. */
export const openMetadataAuthConfig = {
  provider: 'aws-cognito',
  providerName: 'AWS Cognito',
  clientType: 'public',
  clientId: '3n4b5urk1ft4fl3mg5e62d9ado',
  authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r',
  callbackUrl: 'http://localhost:8585/callback',
  enableSelfSignup: false,
  enableAutoRedirect: false,
  jwtPrincipalClaims: ['email', 'cognito:username', 'sub'],
  publicKeyUrls: ['https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Em0lat0r/.well-known/jwks.json'],
};
