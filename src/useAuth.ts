import { useMemo, useSyncExternalStore } from 'react';
import type { AuthContextValue, AuthSession, AuthState } from './AuthContext.js';
import type { CustomClaims } from './claims.js';
import { useSession } from './session/useSession.js';

/**
 * Follows the session, re-rendering only when a field this component has read changes: a component that reads
 * `status` alone does not re-render when tokens are renewed.
 */
function tracker(session: AuthSession) {
  const read = new Set<keyof AuthState>();
  let last: AuthState | undefined;
  const get = <K extends keyof AuthState>(key: K): AuthState[K] => (read.add(key), session.getState()[key]);
  return {
    snapshot(): AuthState {
      const next = session.getState();
      if (!last || [...read].some((key) => last?.[key] !== next[key])) last = next;
      return last;
    },
    /** A fresh value per snapshot, so that effects depending on it re-run when a read field changes. */
    value(_snapshot: AuthState): AuthContextValue {
      return {
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
    },
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
  const track = useMemo(() => tracker(session), [session]);
  const snapshot = useSyncExternalStore(session.subscribe, track.snapshot, track.snapshot);
  return useMemo(() => track.value(snapshot) as AuthContextValue<TClaims>, [track, snapshot]);
}
