import type { AuthSession } from './AuthContext.js';
import { createAuthFetch } from './createAuthFetch.js';
import { useSession } from './session/useSession.js';

/** One `fetch` per session, shared by every component: its rule for renewing on a 401 holds for the whole app. */
const fetches = new WeakMap<AuthSession, ReturnType<typeof createAuthFetch>>();

/**
 * A `fetch` that sends `Authorization: Bearer <token>` from the session — the access token by default, the ID token
 * with `{ token: 'id' }` — renewing first when the token is near expiry, and retrying at most once on a 401: with the
 * token renewed meanwhile, or after one more renewal, which requests rejected while it runs share; a 401 to a token
 * such a renewal gave less than 30 s ago is returned as it is (see {@link createAuthFetch}).
 * The same function in every component under the provider, for the life of the provider.
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
  let authFetch = fetches.get(session);
  if (!authFetch) fetches.set(session, (authFetch = createAuthFetch(session.getToken)));
  return authFetch;
}
