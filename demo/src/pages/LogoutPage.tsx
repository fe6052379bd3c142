import { useEffect, useRef, useState } from 'react';
import { useAuth } from 'react-cognito-sso';
import { Link, Navigate } from 'react-router';
import { AuthCard } from '../components/AuthCard.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { Spinner } from '../components/Spinner.js';
import { errorMessage } from '../errorMessage.js';

/**
 * OpenMetadata's `/logout`: signs a signed-in user out once (the SDK revokes the refresh token, clears the session
 * in every tab and follows Cognito's `/logout`, which comes back to `/` and so to the sign-in page); anyone else
 * goes to the sign-in page, so coming back to `/logout` with Back does not sign out again. The top bar's
 * "Sign out" calls `signOut()` itself, so `/logout` stays out of the history.
 */
export function LogoutPage() {
  const { status, signOut } = useAuth();
  const started = useRef(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (status !== 'authenticated' || started.current) return;
    started.current = true;
    signOut().catch((error: unknown) => setFailure(errorMessage(error)));
  }, [status, signOut]);

  if (failure !== null) {
    return (
      <AuthCard>
        <title>Sign-out failed · Data Catalog</title>
        <h1>Sign-out failed</h1>
        <ErrorPanel message={failure}>
          <Link to="/" className="button secondary">
            Back to My Data
          </Link>
        </ErrorPanel>
      </AuthCard>
    );
  }
  if (status === 'unauthenticated' || status === 'error') return <Navigate to="/signin" replace />;
  return (
    <AuthCard>
      <title>Signing out · Data Catalog</title>
      <h1>Signing you out</h1>
      <Spinner label="Ending your session…" />
    </AuthCard>
  );
}
