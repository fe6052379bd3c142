import { useContext } from 'react';
import { AuthContext, type AuthSession } from '../AuthContext.js';
import { AuthError } from '../AuthError.js';

/**
 * The session of the nearest `<CognitoProvider>` (internal).
 *
 * @param caller - the hook or component asking, named in the error
 * @throws AuthError code `provider` outside `<CognitoProvider>`
 */
export function useSession(caller: string): AuthSession {
  const session = useContext(AuthContext);
  if (!session) {
    throw new AuthError(
      'provider',
      `${caller} must be used inside <CognitoProvider> — wrap your app: <CognitoProvider …><App /></CognitoProvider>.`,
    );
  }
  return session;
}
