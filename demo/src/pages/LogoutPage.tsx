import { useEffect, useRef, useState } from 'react';
import { useAuth } from 'react-cognito-sso';
import { Navigate } from 'react-router';
import { AuthCard } from '../components/AuthCard.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { Spinner } from '../components/Spinner.js';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `/logout`: signs a signed-in user out once (the SDK revokes the refresh token, clears the session in every tab
 * and follows Cognito's `/logout`, which comes back to `/` and so to the sign-in page); anyone else goes to the
 * sign-in page, so coming back to `/logout` with Back does not sign out again.
 */
export function LogoutPage() {
  const { status, signOut } = useAuth();
  const started = useRef(false);
  const [failure, setFailure] = useState<string | null>(null);
  const signedIn = status === 'authenticated';

  useEffect(() => {
    if (!signedIn || started.current) return;
    started.current = true;
    signOut().catch((error: unknown) => setFailure(describe(error)));
  }, [signedIn, signOut]);

  if (failure !== null) {
    const retry = (): void => {
      setFailure(null);
      signOut().catch((error: unknown) => setFailure(describe(error)));
    };
    return (
      <AuthCard>
        <title>Sign-out failed · Data Catalog</title>
        <h1>Sign-out failed</h1>
        <ErrorPanel message={failure}>
          <button type="button" className="button primary" onClick={retry}>
            Try again
          </button>
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
