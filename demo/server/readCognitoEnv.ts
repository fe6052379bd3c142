import type { DemoAuthSettings } from './DemoAuthSettings.js';

/** What the environment asks for: the local emulator, a real pool, or an incomplete pool configuration. */
export type CognitoEnv =
  { kind: 'emulator' } | { kind: 'pool'; auth: DemoAuthSettings } | { kind: 'invalid'; problems: string[] };

const REQUIRED = ['COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID', 'COGNITO_DOMAIN'] as const;

/**
 * Reads the demo's pool settings: none of `COGNITO_USER_POOL_ID`, `COGNITO_CLIENT_ID`, `COGNITO_DOMAIN` set →
 * the emulator; all three → that pool (issuer `https://cognito-idp.{region}.amazonaws.com/{pool}`, or
 * `{COGNITO_ENDPOINT}/{pool}`; region from `COGNITO_REGION`, default the pool ID's prefix); a partial set, or a
 * region that contradicts the pool ID → the problems, each naming the variable.
 *
 * @example readCognitoEnv(process.env)
 */
export function readCognitoEnv(env: Readonly<Record<string, string | undefined>>): CognitoEnv {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const missing = REQUIRED.filter((name) => value(name) === undefined);
  if (missing.length === REQUIRED.length) return { kind: 'emulator' };
  if (missing.length > 0) {
    return {
      kind: 'invalid',
      problems: missing.map((name) => `${name} is not set (all of ${REQUIRED.join(', ')} are needed)`),
    };
  }
  const userPoolId = value('COGNITO_USER_POOL_ID') ?? '';
  const clientId = value('COGNITO_CLIENT_ID') ?? '';
  const domain = value('COGNITO_DOMAIN') ?? '';
  const poolRegion = userPoolId.split('_')[0] ?? '';
  const region = value('COGNITO_REGION') ?? poolRegion;
  const endpoint = value('COGNITO_ENDPOINT')?.replace(/\/+$/, '');
  const problems: string[] = [];
  if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId)) {
    problems.push(`COGNITO_USER_POOL_ID "${userPoolId}" is not a user pool ID like eu-west-1_AbCdEf123`);
  } else if (region !== poolRegion) {
    problems.push(`COGNITO_REGION "${region}" contradicts COGNITO_USER_POOL_ID, which is in ${poolRegion}`);
  }
  if (endpoint !== undefined && !URL.canParse(endpoint))
    problems.push(`COGNITO_ENDPOINT "${endpoint}" is not a URL`);
  if (problems.length > 0) return { kind: 'invalid', problems };
  const authority = `${endpoint ?? `https://cognito-idp.${region}.amazonaws.com`}/${userPoolId}`;
  return { kind: 'pool', auth: { userPoolId, clientId, domain, authority } };
}
