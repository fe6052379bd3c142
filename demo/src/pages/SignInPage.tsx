import { useState } from 'react';
import { sanitizeReturnTo, useAuth } from 'react-cognito-sso';
import { Navigate, useSearchParams } from 'react-router';
import { AuthCard } from '../components/AuthCard.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { errorMessage } from '../errorMessage.js';

/**
 * OpenMetadata's sign-in page: the brand card, a welcome line and one "Sign in with AWS Cognito" button, which
 * goes to the hosted UI and comes back to `?redirect=` (a same-origin path; anything else becomes `/`).
 */
export function SignInPage() {
  const { isAuthenticated, isLoading, error, signIn } = useAuth();
  const [searchParams] = useSearchParams();
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const returnTo = sanitizeReturnTo(searchParams.get('redirect') ?? '/', window.location.origin);

  if (isAuthenticated) return <Navigate to={returnTo} replace />;

  const start = (): void => {
    setStarting(true);
    setFailure(null);
    signIn({ returnTo }).catch((reason: unknown) => {
      setStarting(false);
      setFailure(errorMessage(reason));
    });
  };
  const problem = failure ?? error?.message ?? null;

  return (
    <AuthCard>
      <title>Sign in · Data Catalog</title>
      <h1>Welcome to Data Catalog</h1>
      <p className="lead">
        Discover, understand and trust your organisation’s data. Sign in with your company account.
      </p>
      {problem !== null && <ErrorPanel message={problem} detail={error?.errorDescription} />}
      <button type="button" className="button primary wide" onClick={start} disabled={starting || isLoading}>
        Sign in with AWS Cognito
      </button>
      <p className="muted small">
        You will sign in on the Amazon Cognito hosted page and come straight back.
      </p>
    </AuthCard>
  );
}
