import type { CognitoEmulator } from './CognitoEmulator.js';

/** The configuration printed by `cognito-emulator --json`, as one object. */
export function emulatorSummary(emulator: CognitoEmulator): Record<string, unknown> {
  const { issuer, issuerOrigin, domain, userPoolId, region, clients, users } = emulator;
  return { issuer, issuerOrigin, domain, userPoolId, region, clients, users };
}

/** The human start-up banner of `cognito-emulator`: URLs, IDs, users with passwords, and a loud warning. */
export function formatBanner(emulator: CognitoEmulator): string {
  const first = emulator.clients[0];
  const lines = [
    '!! Cognito emulator — FOR DEVELOPMENT ONLY: plain-text passwords, plain HTTP, forgeable tokens. Never use it in production. !!',
    '',
    `  Issuer        ${emulator.issuer}`,
    `  Domain        ${emulator.domain}`,
    `  Region        ${emulator.region}`,
    `  User pool ID  ${emulator.userPoolId}`,
    ...emulator.clients.map(
      (client) =>
        `  Client ID     ${client.clientId}  (callback ${client.callbackUrls.join(', ')}; sign-out ${client.logoutUrls.join(', ') || 'none'})`,
    ),
    '',
    '  Users (username / password)',
    ...emulator.users.map(
      (user) =>
        `    ${user.username} / ${user.password}  ${user.email}${user.groups?.length ? `  groups: ${user.groups.join(', ')}` : ''}`,
    ),
    '',
    `  SDK props     userPoolId="${emulator.userPoolId}" clientId="${first?.clientId ?? ''}" endpoint="${emulator.issuerOrigin}" domain="${emulator.domain}"`,
    `  Test controls POST ${emulator.issuerOrigin}/_emulator/{failNext|rotateSigningKeys|setClockOffsetSeconds|requestCounts|resetRequestCounts|revokeUserSessions|tamperNextIdToken}`,
    '',
    'Press Ctrl+C to stop.',
  ];
  return lines.join('\n');
}
