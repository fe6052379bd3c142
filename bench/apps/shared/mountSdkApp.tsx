import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { CognitoProvider, type CognitoProviderProps } from 'react-cognito-sso';
import { readBenchConfig } from './BenchAppConfig.js';

/**
 * Renders `app` into `#root` under `<StrictMode>` and a `<CognitoProvider>` for the pool the harness injected
 * (`window.__BENCH_CONFIG__`: pool ID, client ID, hosted-UI domain, issuer endpoint); `props` add to or override
 * the provider's configuration. Used by the SDK bench app and the e2e fixture apps.
 *
 * @example mountSdkApp(<App />, { renewBeforeExpirySeconds: 60 });
 */
export function mountSdkApp(
  app: ReactNode,
  props: Partial<Omit<CognitoProviderProps, 'children'>> = {},
): void {
  const config = readBenchConfig();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <CognitoProvider
        userPoolId={config.userPoolId}
        clientId={config.clientId}
        domain={config.domain}
        endpoint={config.endpoint}
        {...props}
      >
        {app}
      </CognitoProvider>
    </StrictMode>,
  );
}
