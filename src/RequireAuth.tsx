import { useEffect, useRef, type JSX, type ReactNode } from 'react';
import { AuthErrorMessage } from './AuthErrorMessage.js';
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
export function RequireAuth({ children, groups, fallback, loading }: RequireAuthProps): JSX.Element {
  const { status, user, error, signIn } = useAuth();
  const settled = useRef(false);
  const here = (): string => location.pathname + location.search + location.hash;
  useEffect(() => {
    // Once signed in here, or once asked, never again by itself: an ended session gets a prompt, not a redirect.
    if (user) settled.current = true;
    else if (status === 'unauthenticated' && !error && !settled.current) {
      settled.current = true;
      signIn({ returnTo: here() }).catch(() => undefined); // the failure shows as `error` below
    }
  }, [status, user, error, signIn]);
  if (!user && error)
    return (
      <AuthErrorMessage
        error={error}
        retry={() => void signIn({ returnTo: here() }).catch(() => undefined)}
      />
    );
  if (!user) return <>{loading ?? <p role="status">Signing you in…</p>}</>;
  if (groups && !groups.some((group) => user.groups.includes(group))) {
    return <>{fallback ?? <p role="alert">You are not authorised to view this page.</p>}</>;
  }
  return <>{children}</>;
}
