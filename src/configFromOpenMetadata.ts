import type { CognitoConfig } from './CognitoConfig.js';
import { checkConfig, parseUrl } from './resolveConfig.js';

/**
 * Turns OpenMetadata's `GET /api/v1/system/config/auth` answer into `<CognitoProvider>` props: `userPoolId` is the
 * last path segment of `authority`, `region` its prefix, `callbackUrl` becomes `redirectUri`. OpenMetadata sends no
 * hosted-UI domain, so the SDK finds it through discovery — unless the answer carries a `domain` string, a
 * non-standard extension some servers add, which is passed through. `overrides` win over everything.
 *
 * @param json - the parsed response body
 * @param overrides - props to set or replace, e.g. `{ storage: 'local' }`
 * @throws AuthError code `config` when `provider` is not `aws-cognito`, the client is confidential, or `clientId` /
 *   `authority` is missing or malformed (`authority` must end with the pool ID, not e.g. the discovery path)
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
    'auth config',
    json,
    'is not a JSON object',
    'pass the parsed body of GET /api/v1/system/config/auth',
  );
  const { provider, clientType, clientId, authority, callbackUrl, domain } = json as Record<string, unknown>;
  const fix = 'set it in OpenMetadata';
  checkConfig(provider === 'aws-cognito', 'provider', provider, 'is not "aws-cognito"', fix);
  checkConfig(
    clientType !== 'confidential',
    'clientType',
    clientType,
    'needs a client secret',
    'use a public app client',
  );
  checkConfig(typeof clientId === 'string' && clientId, 'clientId', clientId, 'is not an app client ID', fix);
  const userPoolId = parseUrl(authority)?.pathname.split('/').filter(Boolean).pop();
  checkConfig(
    userPoolId && userPoolId.includes('_'),
    'authority',
    authority,
    'is not an issuer URL',
    `${fix} as https://cognito-idp.{region}.amazonaws.com/{userPoolId}`,
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
