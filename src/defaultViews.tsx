import type { JSX, ReactNode } from 'react';
import type { AuthError } from './AuthError.js';

/**
 * The default error view of `<AuthCallback>` and `<RequireAuth>`: the message as text (never HTML) — as a failed
 * sign-in, unless the session ended (`refresh`, `session`) — and a way back in (internal).
 *
 * @param error - the failure to show
 * @param retry - what "Sign in again" does
 */
function errorView(error: AuthError, retry: () => void): JSX.Element {
  return (
    <div role="alert">
      <p>
        {(error.code === 'refresh' || error.code === 'session' ? '' : 'Sign-in failed: ') + error.message}
      </p>
      <button type="button" onClick={retry}>
        Sign in again
      </button>
    </div>
  );
}

/** The default loading view of `<AuthCallback>` and `<RequireAuth>` (internal). */
export const signingIn = <p role="status">Signing you in…</p>;

/** The default view of `<RequireAuth>` for a signed-in user outside its `groups` (internal). */
export const notAuthorised = <p role="alert">You are not authorised to view this page.</p>;

/**
 * What `<AuthCallback>` and `<RequireAuth>` render (internal): a failure, with a way back in, or else `view`.
 *
 * @param error - the failure, if any
 * @param retry - starts a new sign-in
 * @param view - what to show without a failure
 * @param renderError - renders the failure (default: the message and a "Sign in again" button)
 */
export function viewOrError(
  error: AuthError | null,
  retry: () => void,
  view: ReactNode,
  renderError: (error: AuthError, retry: () => void) => ReactNode = errorView,
): JSX.Element {
  return <>{error ? renderError(error, retry) : view}</>;
}
