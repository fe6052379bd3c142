import type { AuthSession, AuthState, SignInOptions } from '../AuthContext.js';
import { AuthError } from '../AuthError.js';

/** What `<MockCognitoProvider>` runs for `signIn()` and `signOut()` (internal). */
export interface MockActions {
  signIn?: ((options?: SignInOptions) => unknown) | undefined;
  signOut?: (() => unknown) | undefined;
}

/** The session `<MockCognitoProvider>` provides, with the setter it drives it by (internal). */
export interface MockSession extends AuthSession {
  /** Replaces the state and the actions; notifies subscribers when the state changed. */
  set(state: AuthState, actions: MockActions): void;
}

/**
 * A session with no network, storage or timers (internal): the state is whatever the provider sets, tokens are the
 * user's, `signIn()`/`signOut()` run the provider's actions and change nothing — except that a failed `signIn()`
 * becomes the session's error, as in the real session — and the callback page settles as soon as the state is not
 * `loading`: to `/` with a user, otherwise rejected with the error.
 */
export function createMockSession(initial: AuthState, initialActions: MockActions): MockSession {
  let state = initial;
  /** The state the provider last set: a failed `signIn()`'s error lasts until the provider sets another. */
  let given = initial;
  let actions = initialActions;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const update = (next: AuthState): void => {
    if (next === state) return;
    state = next;
    listeners.forEach((listener) => listener());
  };
  const getToken = async (kind: 'access' | 'id'): Promise<string> => {
    const { user } = state;
    if (!user) throw new AuthError('session', 'Not signed in — call signIn() first.');
    return kind === 'id' ? user.idToken : user.accessToken;
  };
  return {
    getState: () => state,
    subscribe,
    set(next, nextActions) {
      actions = nextActions;
      if (next !== given) update((given = next));
    },
    signIn: async (...options) => {
      try {
        await actions.signIn?.(...options);
      } catch (cause) {
        const error = AuthError.from(cause, 'config');
        update({ ...state, status: state.user ? 'authenticated' : 'error', error });
        throw cause;
      }
    },
    signOut: async () => void (await actions.signOut?.()),
    getToken,
    getAccessToken: () => getToken('access'),
    getIdToken: () => getToken('id'),
    completeSignIn: () =>
      new Promise((resolve, reject) => {
        const settle = (): void => {
          if (state.status === 'loading') return;
          unsubscribe();
          if (state.user) resolve('/');
          else reject(state.error ?? new AuthError('state', 'No sign-in in progress — sign in again.'));
        };
        const unsubscribe = subscribe(settle);
        settle();
      }),
  };
}
