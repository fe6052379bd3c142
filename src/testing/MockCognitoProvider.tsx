import { useLayoutEffect, useMemo, useState, type JSX, type ReactNode } from 'react';
import { AuthContext, type AuthState, type AuthStatus, type SignInOptions } from '../AuthContext.js';
import { AuthError } from '../AuthError.js';
import type { CognitoUser } from '../CognitoUser.js';
import { createMockSession } from './createMockSession.js';

/**
 * Props of {@link MockCognitoProvider}: the session to show, and what `signIn()` / `signOut()` do.
 *
 * @example
 * ```tsx
 * // An app's test helper
 * function renderApp(props: Omit<MockCognitoProviderProps, 'children'> = {}) {
 *   return render(<MockCognitoProvider {...props}><App /></MockCognitoProvider>);
 * }
 * renderApp({ user: createMockUser({ 'cognito:groups': ['admin'] }), signOut: vi.fn() });
 * ```
 */
export interface MockCognitoProviderProps {
  children?: ReactNode;
  /** The signed-in user, usually from {@link createMockUser}; `null` is signed out (default: `null`). */
  user?: CognitoUser<object> | null;
  /**
   * The session status (default: `'authenticated'` with a `user`, `'error'` with an `error`, else
   * `'unauthenticated'`). `'loading'` shows the loading views; `'unauthenticated'` with an `error` is a session
   * that ended (e.g. a revoked refresh token). `'authenticated'` needs a `user`, every other status needs none.
   */
  status?: AuthStatus;
  /** What `useAuth().error` reports, e.g. `new AuthError('callback', 'Access denied')` (default: `null`). */
  error?: AuthError | null;
  /**
   * Called with the arguments of every `signIn()` call — pass a spy (`vi.fn()`, `jest.fn()`) to assert on them.
   * `signIn()` settles as the returned value does, so a rejected promise simulates a failed sign-in start; as in the
   * real provider, the session then reports it as `error` (status `error` when signed out) until the props change
   * (default: resolves).
   */
  signIn?: (options?: SignInOptions) => unknown;
  /** Called on every `signOut()` call; `signOut()` settles as the returned value does (default: resolves). */
  signOut?: () => unknown;
}

/** The state the props describe; a status that contradicts `user` throws, as no real session can show it. */
function mockState(
  user: CognitoUser<object> | null,
  status: AuthStatus | undefined,
  error: AuthError | null,
): AuthState {
  if (status && (status === 'authenticated') !== (user !== null)) {
    throw new AuthError(
      'config',
      status === 'authenticated'
        ? '<MockCognitoProvider status="authenticated"> needs a user — pass user={createMockUser()}.'
        : `<MockCognitoProvider status="${status}"> cannot have a user — pass user={null}.`,
    );
  }
  return {
    status: status ?? (user ? 'authenticated' : error ? 'error' : 'unauthenticated'),
    user: user as CognitoUser | null,
    error,
  };
}

/**
 * Stands in for `<CognitoProvider>` in an app's unit tests: `useAuth()`, `useAuthFetch()`, `useSessionExpiry()`,
 * `<RequireAuth>` and `<AuthCallback>` see the session the props describe — signed in as a given user, signed out,
 * loading, or failed — with no network, storage, timers or oidc-client-ts.
 *
 * - `signIn()` / `signOut()` only call the `signIn` / `signOut` props, so tests assert on spies. They change
 *   nothing else (except that a failed `signIn()` shows as the session's `error`, as in the real provider): the real
 *   `signOut()` leaves the page for Cognito's `/logout`, so to test the signed-out screen, render (or `rerender`)
 *   with `user={null}`. Changing the props updates every consumer in place.
 * - `getAccessToken()` / `getIdToken()` and `useAuthFetch()` use the user's (unsigned, mock) tokens; signed out
 *   they reject with `AuthError` code `session`. Tokens are never renewed: `useAuthFetch()` retries a 401 with the
 *   same token, and within 30 s of that returns a 401 to it without retrying (its rule for a token a renewal gave).
 * - `<AuthCallback>` waits while `loading`, then navigates to `/` with a user; without one it shows `error` (or
 *   `AuthError` code `state`). Pass it `navigate`, as jsdom cannot load pages.
 *
 * For unit tests only; test the real sign-in against the emulator (`react-cognito-sso/emulator`).
 *
 * @example
 * ```tsx
 * import { render, screen } from '@testing-library/react';
 * import userEvent from '@testing-library/user-event';
 * import { AuthError } from 'react-cognito-sso';
 * import { MockCognitoProvider, createMockUser } from 'react-cognito-sso/testing';
 *
 * it('greets a signed-in admin', () => {
 *   render(
 *     <MockCognitoProvider user={createMockUser({ 'cognito:username': 'ada', 'cognito:groups': ['admin'] })}>
 *       <App />
 *     </MockCognitoProvider>,
 *   );
 *   expect(screen.getByText('Hello ada')).toBeTruthy();
 * });
 *
 * it('signs out', async () => {
 *   const signOut = vi.fn();
 *   render(<MockCognitoProvider user={createMockUser()} signOut={signOut}><App /></MockCognitoProvider>);
 *   await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
 *   expect(signOut).toHaveBeenCalledOnce();
 * });
 *
 * // Signed out: <RequireAuth> starts the sign-in once.
 * render(<MockCognitoProvider user={null} signIn={signIn}><App /></MockCognitoProvider>);
 * // Loading, and a failed sign-in:
 * render(<MockCognitoProvider status="loading"><App /></MockCognitoProvider>);
 * render(<MockCognitoProvider error={new AuthError('callback', 'Access denied')}><App /></MockCognitoProvider>);
 * ```
 */
export function MockCognitoProvider({
  children,
  user = null,
  status,
  error = null,
  signIn,
  signOut,
}: MockCognitoProviderProps): JSX.Element {
  const state = useMemo(() => mockState(user, status, error), [user, status, error]);
  const [session] = useState(() => createMockSession(state, { signIn, signOut }));
  useLayoutEffect(() => session.set(state, { signIn, signOut }));
  return <AuthContext.Provider value={session}>{children}</AuthContext.Provider>;
}
