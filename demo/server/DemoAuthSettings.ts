/** The Cognito user pool and public app client the demo signs in against. */
export interface DemoAuthSettings {
  /** `{region}_{id}`, e.g. `eu-west-1_AbCdEf123`. */
  userPoolId: string;
  /** The public app client (no secret). */
  clientId: string;
  /** The pool's issuer URL (OpenMetadata's `authority`), e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123`. */
  authority: string;
  /** The hosted-UI domain (host name or URL); omitted → the SDK reads the pool's discovery document. */
  domain?: string;
}
