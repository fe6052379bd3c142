import { useMemo, useSyncExternalStore } from 'react';
import type { AuthContextValue, AuthSession, AuthState } from './AuthContext.js';
import type { CustomClaims } from './claims.js';
import { useSession } from './session/useSession.js';

/**
 * Follows the session: the returned snapshot, a fresh value whenever a field this component has read changes, is the
 * same object otherwise — so a component that reads `status` alone does not re-render when tokens are renewed, and
 * effects depending on the value re-run when a read field changes.
 */
function tracker(session: AuthSession): () => AuthContextValue {
  const read = new Set<keyof AuthState>();
  const get = <K extends keyof AuthState>(key: K): AuthState[K] => (read.add(key), session.getState()[key]);
  let last: AuthState | undefined;
  let value: AuthContextValue;
  return () => {
    const state = session.getState();
    if (!last || [...read].some((key) => last?.[key] !== state[key])) {
      last = state;
      value = {
        get status() {
          return get('status');
        },
        get isLoading() {
          return get('status') === 'loading';
        },
        get isAuthenticated() {
          return get('status') === 'authenticated';
        },
        get user() {
          return get('user');
        },
        get error() {
          return get('error');
        },
        signIn: session.signIn,
        signOut: session.signOut,
        getAccessToken: session.getAccessToken,
        getIdToken: session.getIdToken,
      };
    }
    return value;
  };
}

/**
 * The signed-in user, the session status and the sign-in/out actions of the nearest `<CognitoProvider>`.
 *
 * @typeParam TClaims - your pool's extra ID-token claims, a type literal or an interface, e.g.
 *   `{ 'custom:team': string }` (default: {@link CustomClaims}, any claim read as `unknown`)
 * @throws AuthError code `provider` when used outside `<CognitoProvider>`
 * @example
 * ```tsx
 * function Header() {
 *   const { isAuthenticated, user, signIn, signOut } = useAuth();
 *   return isAuthenticated
 *     ? <button onClick={() => void signOut()}>Sign out {user?.username}</button>
 *     : <button onClick={() => void signIn({ returnTo: location.pathname })}>Sign in</button>;
 * }
 * ```
 */
export function useAuth<TClaims extends object = CustomClaims>(): AuthContextValue<TClaims> {
  const session = useSession('useAuth()');
  const snapshot = useMemo(() => tracker(session), [session]);
  return useSyncExternalStore(session.subscribe, snapshot, snapshot) as AuthContextValue<TClaims>;
}
