import { ADMIN_GROUP } from '../../shared/adminGroup.js';
import type { LoggedInUser } from '../../shared/LoggedInUser.js';
import type { VerifiedClaims } from './createTokenVerifier.js';

/**
 * OpenMetadata's logged-in user for verified token claims: the name from `cognito:username` (ID token) or
 * `username` (access token), teams from `cognito:groups`, the Admin role for {@link ADMIN_GROUP}.
 */
export function loggedInUser(claims: VerifiedClaims): LoggedInUser {
  const name = claims['cognito:username'] ?? claims.username ?? claims.sub;
  const groups = claims['cognito:groups'] ?? [];
  const isAdmin = groups.includes(ADMIN_GROUP);
  return {
    id: claims.sub,
    name,
    fullyQualifiedName: name,
    displayName: claims.name ?? name,
    email: claims.email ?? null,
    isAdmin,
    isBot: false,
    teams: groups.map((group) => ({ id: `team-${group}`, name: group, type: 'team' })),
    roles: [
      isAdmin
        ? { id: 'role-admin', name: 'Admin', type: 'role' }
        : { id: 'role-consumer', name: 'DataConsumer', type: 'role' },
    ],
  };
}
