import { AuthCallback } from 'react-cognito-sso';
import type { AuthError } from 'react-cognito-sso';
import { useNavigate } from 'react-router';
import { AuthCard } from '../components/AuthCard.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { Spinner } from '../components/Spinner.js';

const renderError = (error: AuthError, retry: () => void) => (
  <>
    <title>Sign-in failed · Data Catalog</title>
    <h1>Sign-in failed</h1>
    <ErrorPanel message={error.message} detail={error.errorDescription}>
      <button type="button" className="button primary" onClick={retry}>
        Sign in again
      </button>
    </ErrorPanel>
  </>
);

/** `/callback`: the SDK finishes the sign-in (spinner meanwhile), then the app goes to where the user was headed. */
export function CallbackPage() {
  return (
    <AuthCard>
      <AuthCallback
        navigate={useNavigate()}
        loading={
          <>
            <title>Signing in · Data Catalog</title>
            <h1>Signing you in</h1>
            <Spinner label="Completing sign-in with Amazon Cognito…" />
          </>
        }
        renderError={renderError}
      />
    </AuthCard>
  );
}
