import { useEffect, useState } from 'react';
import { useAuthFetch } from 'react-cognito-sso';
import { errorMessage } from '../errorMessage.js';

/** The state of one demo API call. */
export type ApiResult<T> =
  { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; message: string };

/**
 * GETs `path` from the demo API with the ID token as bearer (as OpenMetadata's UI sends it, through the SDK's
 * `useAuthFetch`, which renews first when the token is near expiry and retries once on 401), again whenever
 * `path` changes.
 *
 * @example const tables = useApi<CatalogPage<CatalogTable>>('/api/v1/tables?q=orders');
 */
export function useApi<T>(path: string): ApiResult<T> {
  const authFetch = useAuthFetch();
  const [result, setResult] = useState<{ path: string; result: ApiResult<T> } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    const settle = (value: ApiResult<T>): void => {
      if (!abort.signal.aborted) setResult({ path, result: value });
    };
    authFetch(path, { token: 'id', signal: abort.signal, headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (response.ok) {
          settle({ status: 'success', data: (await response.json()) as T });
          return;
        }
        const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
        const detail = typeof body?.message === 'string' ? body.message : response.statusText;
        settle({ status: 'error', message: `The server answered ${response.status}: ${detail}` });
      })
      .catch((error: unknown) => {
        settle({ status: 'error', message: errorMessage(error) });
      });
    return () => abort.abort();
  }, [authFetch, path]);

  return result?.path === path ? result.result : { status: 'loading' };
}
