import type { CognitoUser } from 'react-cognito-sso';

/** The name to show for a user: the `name` attribute when the pool has one, else the username. */
export function displayName(user: CognitoUser): string {
  const name = user.claims['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : user.username;
}
