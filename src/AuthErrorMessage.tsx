import type { JSX } from 'react';
import type { AuthError } from './AuthError.js';

/** The default error view of `<AuthCallback>` and `<RequireAuth>`: the message as text and a way back in (internal). */
export function AuthErrorMessage({ error, retry }: { error: AuthError; retry: () => void }): JSX.Element {
  return (
    <div role="alert">
      <p>Sign-in failed: {error.message}</p>
      <button type="button" onClick={retry}>
        Sign in again
      </button>
    </div>
  );
}
