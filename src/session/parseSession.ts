import { User } from 'oidc-client-ts';

/**
 * A session from its stored or broadcast form (`User.toStorageString()`), or `null` when that is unreadable or not a
 * session this version can use — e.g. another version's data after a rollback (internal). Needs a string
 * `access_token`, a `profile` with a string `sub`, and `expires_at` a number when present.
 */
export function parseSession(stored: string): User | null {
  try {
    const user = User.fromStorageString(stored);
    return typeof user.access_token === 'string' &&
      typeof user.profile.sub === 'string' &&
      typeof (user.expires_at ?? 0) === 'number'
      ? user
      : null;
  } catch {
    return null;
  }
}
