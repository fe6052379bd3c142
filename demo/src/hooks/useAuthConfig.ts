import { useEffect, useState } from 'react';
import { configFromOpenMetadata } from 'react-cognito-sso';
import type { CognitoConfig } from 'react-cognito-sso';
import { errorMessage } from '../errorMessage.js';

/** The provider configuration, as it loads. */
export type AuthConfigState =
  { status: 'loading' } | { status: 'ready'; config: CognitoConfig } | { status: 'error'; message: string };

/**
 * Configures the SDK the way OpenMetadata's UI does: `GET /api/v1/system/config/auth`, then
 * `configFromOpenMetadata` turns the answer into `<CognitoProvider>` props.
 */
export function useAuthConfig(): AuthConfigState {
  const [state, setState] = useState<AuthConfigState>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    fetch('/api/v1/system/config/auth', { signal: abort.signal, headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`GET /api/v1/system/config/auth answered ${response.status}`);
        return configFromOpenMetadata(await response.json());
      })
      .then(
        (config) => setState({ status: 'ready', config }),
        (error: unknown) => {
          if (!abort.signal.aborted) setState({ status: 'error', message: errorMessage(error) });
        },
      );
    return () => abort.abort();
  }, []);
  return state;
}
