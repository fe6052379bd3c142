import { useMemo } from 'react';
import { createAuthFetch } from './createAuthFetch.js';
import { useSession } from './session/useSession.js';

/**
 * A `fetch` that sends `Authorization: Bearer <token>` from the session — the access token by default, the ID token
 * with `{ token: 'id' }` — renewing first when the token is near expiry, and retrying once on a 401: with the token
 * another request renewed meanwhile, or after one more renewal (at most one per 30 s: a 401 to a token renewed for a
 * 401 less than 30 s ago is returned; see {@link createAuthFetch}).
 * Stable for the life of the provider.
 *
 * **Warning:** the token goes to whatever URL is fetched; call only your own APIs with it.
 *
 * @throws AuthError code `provider` when used outside `<CognitoProvider>`
 * @example
 * ```tsx
 * const authFetch = useAuthFetch();
 * const me = await (await authFetch('/api/v1/users/loggedInUser', { token: 'id' })).json();
 * ```
 */
export function useAuthFetch(): (
  input: RequestInfo | URL,
  init?: RequestInit & { token?: 'access' | 'id' },
) => Promise<Response> {
  const session = useSession('useAuthFetch()');
  return useMemo(() => createAuthFetch(session.getToken), [session]);
}
