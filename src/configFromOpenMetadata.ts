import type { CognitoConfig } from './CognitoConfig.js';
import { checkConfig } from './resolveConfig.js';

/**
 * Turns OpenMetadata's `GET /api/v1/system/config/auth` answer into `<CognitoProvider>` props: `userPoolId` is the
 * last path segment of `authority`, `region` its prefix, `callbackUrl` becomes `redirectUri`. OpenMetadata sends no
 * hosted-UI domain, so the SDK finds it through discovery — unless the answer carries a `domain` string, a
 * non-standard extension some servers add, which is passed through. `overrides` win over everything.
 *
 * @param json - the parsed response body
 * @param overrides - props to set or replace, e.g. `{ storage: 'local' }`
 * @throws AuthError code `config` when `provider` is not `aws-cognito`, the client is confidential, or `clientId` /
 *   `authority` is missing or malformed
 * @example
 * ```tsx
 * const auth = await (await fetch('/api/v1/system/config/auth')).json();
 * root.render(<CognitoProvider {...configFromOpenMetadata(auth)}><App /></CognitoProvider>);
 * ```
 * @see https://docs.open-metadata.org/latest/deployment/security/amazon-cognito/bare-metal
 */
export function configFromOpenMetadata(json: unknown, overrides: Partial<CognitoConfig> = {}): CognitoConfig {
  checkConfig(
    Object(json) === json,
    'OpenMetadata auth config',
    json,
    'is not a JSON object',
    'pass the parsed body of GET /api/v1/system/config/auth',
  );
  const { provider, clientType, clientId, authority, callbackUrl, domain } = json as Record<string, unknown>;
  const where = 'set it in OpenMetadata';
  checkConfig(
    provider === 'aws-cognito',
    'OpenMetadata provider',
    provider,
    'is not "aws-cognito"',
    "set OpenMetadata's SSO provider to AWS Cognito",
  );
  checkConfig(
    clientType !== 'confidential',
    'OpenMetadata clientType',
    clientType,
    'needs a client secret, which a browser cannot keep',
    'use a public app client',
  );
  checkConfig(
    typeof clientId === 'string' && clientId,
    'OpenMetadata clientId',
    clientId,
    'is not an app client ID',
    where,
  );
  let userPoolId: string | undefined;
  try {
    userPoolId = new URL(authority as string).pathname.split('/').filter(Boolean).pop();
  } catch {
    // not a URL: reported below
  }
  checkConfig(
    userPoolId,
    'OpenMetadata authority',
    authority,
    'is not an issuer URL',
    `${where} as https://cognito-idp.{region}.amazonaws.com/{userPoolId}`,
  );
  return {
    userPoolId,
    clientId,
    authority: authority as string,
    region: userPoolId.split('_')[0] as string,
    ...(typeof callbackUrl === 'string' && { redirectUri: callbackUrl }),
    ...(typeof domain === 'string' && { domain }),
    ...overrides,
  };
}
