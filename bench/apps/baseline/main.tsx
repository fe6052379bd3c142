/**
 * BASELINE — NOT the SDK. AWS's quick-setup sample wiring of Cognito with react-oidc-context (the Cognito
 * console's "React" snippet): `<AuthProvider authority={issuer} client_id redirect_uri response_type="code" scope>`
 * with `onSigninCallback` clearing the code from the address bar, `automaticSilentRenew` left at its default
 * (refresh-token renewal), and react-oidc-context's `useAuth()`. With `authority` set to the pool's issuer,
 * oidc-client-ts reads the discovery document before redirecting to Cognito and again on the callback page.
 * The UI is the SDK bench app's (`../shared/createBenchUi.tsx`); only the auth wiring differs.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuth } from 'react-oidc-context';
import type { BenchStatus } from '../shared/benchProbe.js';
import { createBenchUi } from '../shared/createBenchUi.js';
import { readBenchConfig } from '../shared/BenchAppConfig.js';

function useStatus(): BenchStatus {
  const auth = useAuth();
  if (auth.isLoading) return 'loading';
  if (auth.error) return 'error';
  return auth.isAuthenticated ? 'signed-in' : 'signed-out';
}

const { App } = createBenchUi({
  useStatus,
  useIsAuthenticated: () => useAuth().isAuthenticated,
  useEmail: () => useAuth().user?.profile.email,
  useAccessToken: () => useAuth().user?.access_token,
  useSignIn: () => {
    const auth = useAuth();
    return () => void auth.signinRedirect();
  },
});

const config = readBenchConfig();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AuthProvider
      authority={`${config.endpoint}/${config.userPoolId}`}
      client_id={config.clientId}
      redirect_uri={`${window.location.origin}/callback`}
      response_type="code"
      scope="openid email profile"
      onSigninCallback={() => window.history.replaceState({}, document.title, '/')}
    >
      <App />
    </AuthProvider>
  </StrictMode>,
);
