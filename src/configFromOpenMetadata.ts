import { AuthError } from './AuthError.js';
import type { CognitoConfig } from './CognitoConfig.js';

function fail(problem: string): never {
  throw new AuthError('config', `OpenMetadata auth config: ${problem}.`);
}

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
  if (typeof json !== 'object' || json === null) {
    return fail(`expected a JSON object, got ${JSON.stringify(json)}`);
  }
  const { provider, clientType, clientId, authority, callbackUrl, domain } = json as Record<string, unknown>;
  if (provider !== 'aws-cognito') {
    fail(
      `provider is ${JSON.stringify(provider)}, not "aws-cognito" — set OpenMetadata's SSO provider to AWS Cognito`,
    );
  }
  if (clientType === 'confidential') {
    fail('clientType is "confidential" — a browser cannot keep a client secret; use a public app client');
  }
  if (typeof clientId !== 'string' || !clientId) {
    fail('clientId is missing — set the Cognito app client ID in OpenMetadata');
  }
  let userPoolId: string | undefined;
  try {
    userPoolId = new URL(authority as string).pathname.split('/').filter(Boolean).pop();
  } catch {
    // reported below
  }
  if (!userPoolId) {
    fail(
      `authority ${JSON.stringify(authority)} is not an issuer URL — use https://cognito-idp.{region}.amazonaws.com/{userPoolId}`,
    );
  }
  return {
    userPoolId,
    clientId,
    authority: authority as string,
    region: userPoolId.split('_')[0] ?? '',
    ...(typeof callbackUrl === 'string' && { redirectUri: callbackUrl }),
    ...(typeof domain === 'string' && { domain }),
    ...overrides,
  };
}
