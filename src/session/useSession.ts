import { useContext } from 'react';
import { AuthContext } from '../AuthContext.js';
import { AuthError } from '../AuthError.js';
import type { Session } from './Session.js';

/**
 * The session of the nearest `<CognitoProvider>` (internal).
 *
 * @param caller - the hook or component asking, named in the error
 * @throws AuthError code `provider` outside `<CognitoProvider>`
 */
export function useSession(caller: string): Session {
  const session = useContext(AuthContext);
  if (!session) {
    throw new AuthError(
      'provider',
      `${caller} must be used inside <CognitoProvider> — wrap your app: ` +
        '<CognitoProvider userPoolId="…" clientId="…" domain="…"><App /></CognitoProvider>.',
    );
  }
  return session;
}
