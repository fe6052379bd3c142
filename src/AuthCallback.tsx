import { useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import { AuthError } from './AuthError.js';
import { signingIn, viewOrError } from './defaultViews.js';
import { redirectTo } from './redirectTo.js';
import { useSession } from './session/useSession.js';

/** Props of {@link AuthCallback}. */
export interface AuthCallbackProps {
  /**
   * Client-side navigation to the return path, called as `navigate(path, { replace: true })` so that the callback
   * page leaves the history (Back does not return to it) — React Router's `useNavigate()` as it is
   * (default: `window.location.replace`, a page load). Required with `storage: 'memory'`, whose session does not
   * survive a page load.
   */
  navigate?: (path: string, options: { replace: true }) => void;
  /** Shown while the sign-in completes (default: "Signing you in…" with `role="status"`). */
  loading?: ReactNode;
  /** Renders a failure; `retry` starts a new sign-in (default: the message and a "Sign in again" button). */
  renderError?: (error: AuthError, retry: () => void) => ReactNode;
}

/**
 * The `/callback` route (render it by route, not by testing the query: `<CognitoProvider>` takes `code` and `state`
 * out of the address bar when it first renders): finishes the sign-in exactly once (also under StrictMode), verifies
 * the ID token, stores the session and navigates to the return path (same-origin only; anything else → `/`).
 * Failures — Cognito's `error=`, an unknown or replayed `state`, a failed code exchange, a rejected ID token — render
 * a message and a "Sign in again" button, never a redirect loop. Reloaded, reached again with Back (also from the
 * back/forward cache) or with an already used `state`, it makes no second token request: with a session it goes
 * straight to the app (`/`), without one it says the sign-in expired, with "Sign in again".
 *
 * @throws AuthError code `provider` outside `<CognitoProvider>`; code `config` without `navigate` under
 *   `storage: 'memory'`
 * @example
 * ```tsx
 * <Route path="/callback" element={<AuthCallback navigate={useNavigate()} />} />
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
 */
export function AuthCallback({ navigate, loading, renderError }: AuthCallbackProps): JSX.Element {
  const session = useSession('<AuthCallback>');
  // A page load would lose a session kept in memory, and <RequireAuth> would sign in again: a redirect loop.
  if (!navigate && session.config?.storage === 'memory')
    throw new AuthError(
      'config',
      "<AuthCallback> needs `navigate` with storage 'memory' — pass your router's.",
    );
  const [error, setError] = useState<AuthError | null>(null);
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  });
  useEffect(() => {
    const stop = new AbortController();
    // Only the mounted instance navigates (StrictMode mounts twice; both get the same sign-in's outcome).
    const run = (): void =>
      void session
        .completeSignIn(location.href)
        .then(
          (path) => stop.signal.aborted || (navigateRef.current ?? redirectTo)(path, { replace: true }),
          setError,
        );
    run();
    // Restored from the back/forward cache: the address is clean by now, so this goes to the app or explains. The
    // controller's `signal` removes the listener on unmount.
    addEventListener('pageshow', (event) => event.persisted && run(), { signal: stop.signal });
    return () => stop.abort();
  }, [session]);
  return viewOrError(error, () => void session.signIn().catch(setError), loading ?? signingIn, renderError);
}
