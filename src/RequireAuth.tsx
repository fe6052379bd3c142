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
 * Renders `children` for a signed-in user. Signed out, it starts the sign-in and returns here afterwards. An expired
 * access token with a refresh token is still a session: it is renewed, the user is not sent to Cognito.
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
  const asked = useRef(false);
  const here = (): string => window.location.pathname + window.location.search + window.location.hash;
  useEffect(() => {
    if (status !== 'unauthenticated' || asked.current) return;
    asked.current = true;
    signIn({ returnTo: here() }).catch(() => undefined); // the failure shows as `error` below
  }, [status, signIn]);
  if (status === 'error' && error)
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
