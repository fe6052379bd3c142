import { CognitoProvider } from 'react-cognito-sso';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes.js';
import { AuthCard } from './components/AuthCard.js';
import { Spinner } from './components/Spinner.js';
import { StartupErrorBoundary } from './components/StartupErrorBoundary.js';
import { StartupFailure } from './components/StartupFailure.js';
import { useAuthConfig } from './hooks/useAuthConfig.js';

/** The demo app: configures the SDK from the demo API, as OpenMetadata does, then renders the routes. */
export function App() {
  const authConfig = useAuthConfig();
  if (authConfig.status === 'loading') {
    return (
      <AuthCard>
        <Spinner label="Loading…" />
      </AuthCard>
    );
  }
  if (authConfig.status === 'error') return <StartupFailure message={authConfig.message} />;
  return (
    <StartupErrorBoundary>
      <BrowserRouter>
        <CognitoProvider {...authConfig.config}>
          <AppRoutes />
        </CognitoProvider>
      </BrowserRouter>
    </StartupErrorBoundary>
  );
}
