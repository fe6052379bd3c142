import { useEffect, useRef, type JSX, type ReactNode } from 'react';
import type { AuthError } from './AuthError.js';
import { notAuthorised, signingIn, viewOrError } from './defaultViews.js';
import { useAuth } from './useAuth.js';

/** Props of {@link RequireAuth}. */
export interface RequireAuthProps {
  children: ReactNode;
  /** The user must belong to at least one of these Cognito groups (`cognito:groups`) (default: any signed-in user). */
  groups?: readonly string[];
  /** Shown to a signed-in user outside `groups` (default: "You are not authorised to view this page." as an alert). */
  fallback?: ReactNode;
  /** Shown while signing in (default: "Signing you in…" with `role="status"`). */
  loading?: ReactNode;
  /**
   * Renders why there is no session (e.g. signed out in another tab, a failed sign-in); `retry` starts a sign-in
   * (default: the message and a "Sign in again" button).
   */
  renderError?: (error: AuthError, retry: () => void) => ReactNode;
}

/**
 * Renders `children` for a signed-in user. Signed out, it starts the sign-in once and returns here afterwards. An
 * expired access token with a refresh token is still a session: it is renewed, the user is not sent to Cognito. A
 * session that ends while the page is open (sign-out in another tab, a refresh token revoked or expired) shows the
 * reason and one "Sign in again" button — no redirect, so unsaved work stays on the page and nothing loops.
 *
 * This guards the UI only; your API must check the token itself.
 *
 * @example
 * ```tsx
 * <RequireAuth groups={['admin']} fallback={<Navigate to="/unauthorised" />}>
 *   <AdminPage />
 * </RequireAuth>
 * ```
 */
export function RequireAuth({
  children,
  groups,
  fallback,
  loading,
  renderError,
}: RequireAuthProps): JSX.Element {
  const { status, user, error, signIn } = useAuth();
  const settled = useRef(false);
  // Starts a sign-in back to this page, in its place in the history (Back from the hosted UI would land here and
  // be sent to sign in again); a failure shows as `error`.
  const start = (): void =>
    void signIn({ returnTo: location.pathname + location.search + location.hash, replace: true }).catch(
      () => undefined,
    );
  useEffect(() => {
    // Once signed in here, or once asked, never again by itself: an ended session gets a prompt, not a redirect.
    if (user || (status === 'unauthenticated' && !error)) {
      if (!user && !settled.current) start();
      settled.current = true;
    }
  });
  let view = children;
  if (!user) view = loading ?? signingIn;
  else if (groups && !groups.some((group) => user.groups.includes(group))) view = fallback ?? notAuthorised;
  return viewOrError(user ? null : error, start, view, renderError);
}
