/**
 * Bench app — react-cognito-sso. The same UI as the baseline app (`../shared/createBenchUi.tsx`); only the auth
 * wiring differs: `<CognitoProvider>` with the pool's domain and issuer endpoint (`../shared/mountSdkApp.tsx`),
 * `<AuthCallback>` on `/callback` (navigating client-side, as React Router's `navigate` would), and the SDK's
 * `useAuth()`.
 */
import { useCallback, useState, type JSX } from 'react';
import { AuthCallback, useAuth } from 'react-cognito-sso';
import type { BenchStatus } from '../shared/benchProbe.js';
import { createBenchUi } from '../shared/createBenchUi.js';
import { mountSdkApp } from '../shared/mountSdkApp.js';

const STATUS = {
  loading: 'loading',
  authenticated: 'signed-in',
  unauthenticated: 'signed-out',
  error: 'error',
} as const satisfies Record<string, BenchStatus>;

const { App } = createBenchUi({
  useStatus: () => STATUS[useAuth().status],
  useIsAuthenticated: () => useAuth().isAuthenticated,
  useEmail: () => useAuth().user?.email,
  useAccessToken: () => useAuth().user?.accessToken,
  useSignIn: () => {
    const { signIn } = useAuth();
    return () => void signIn();
  },
});

function Routes(): JSX.Element {
  const [path, setPath] = useState(window.location.pathname);
  const navigate = useCallback((to: string) => {
    window.history.replaceState(null, '', to);
    setPath(window.location.pathname);
  }, []);
  return path === '/callback' ? <AuthCallback navigate={navigate} /> : <App />;
}

mountSdkApp(<Routes />);
