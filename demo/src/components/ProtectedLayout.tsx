import { useAuth } from 'react-cognito-sso';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AuthCard } from './AuthCard.js';
import { SessionExpiryBanner } from './SessionExpiryBanner.js';
import { Spinner } from './Spinner.js';
import { TopBar } from './TopBar.js';

/**
 * The signed-in shell (top bar, expiry banner, page). Without a session it sends the visitor to `/signin`,
 * remembering where they were going in `?redirect=` — OpenMetadata's way, so a deep link survives sign-in.
 */
export function ProtectedLayout() {
  const { isLoading, user } = useAuth();
  const location = useLocation();
  if (isLoading) {
    return (
      <AuthCard>
        <Spinner label="Loading your session…" />
      </AuthCard>
    );
  }
  if (user === null) {
    const redirect = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/signin?redirect=${encodeURIComponent(redirect)}`} replace />;
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar user={user} />
      <SessionExpiryBanner />
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
