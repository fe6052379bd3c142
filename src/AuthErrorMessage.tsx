import type { JSX } from 'react';
import type { AuthError } from './AuthError.js';

/**
 * The default error view of `<AuthCallback>` and `<RequireAuth>`: the message as text (never HTML) — as a failed
 * sign-in, unless the session ended (`refresh`, `session`) — and a way back in (internal).
 */
export function AuthErrorMessage({ error, retry }: { error: AuthError; retry: () => void }): JSX.Element {
  return (
    <div role="alert">
      <p>
        {error.code === 'refresh' || error.code === 'session' ? '' : 'Sign-in failed: '}
        {error.message}
      </p>
      <button type="button" onClick={retry}>
        Sign in again
      </button>
    </div>
  );
}
