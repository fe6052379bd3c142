import { createContext } from 'react';
import type { AuthError } from './AuthError.js';
import type { CustomClaims } from './claims.js';
import type { CognitoUser } from './CognitoUser.js';
import type { ResolvedConfig } from './resolveConfig.js';

/**
 * Where the session stands: `loading` only while a tab without a stored session asks the app's other tabs for
 * theirs — until one answers with its session or with none (a session that arrives later still signs the tab in), or
 * its Web Lock shows that no tab opened before it is still open; 150 ms at most — and, on a callback page whose
 * `<AuthCallback>` starts meanwhile, until its sign-in ends. `error` when the last sign-in (or sign-out) failed.
 */
export type AuthStatus = 'loading' | 'authenticated' | 'unauthenticated' | 'error';

/** Options of `signIn()`. */
export interface SignInOptions {
  /** Where to land after sign-in: a same-origin path; anything else becomes `'/'` (default: `'/'`). */
  returnTo?: string;
  /** Skip the hosted UI's chooser and go to this identity provider (`COGNITO`, `Google`, a SAML/OIDC IdP name). */
  identityProvider?: string;
  /** Prefill the username field (managed login). */
  loginHint?: string;
  /** Language of the managed login pages, e.g. `'fr'`. */
  lang?: string;
  /**
   * Put the hosted UI in place of the current page in the history, so that Back from it skips this page — for a page
   * that would only send the user to sign in again, as `<RequireAuth>` does (default: `false`).
   */
  replace?: boolean;
}

/** What `useAuth()` returns. */
export interface AuthContextValue<TClaims extends object = CustomClaims> {
  status: AuthStatus;
  /** `status === 'loading'` */
  isLoading: boolean;
  /** `status === 'authenticated'` */
  isAuthenticated: boolean;
  user: CognitoUser<TClaims> | null;
  /** The last failure: sign-in (`callback`, `state`, `token`), renewal (`refresh`, `network`) or sign-out. */
  error: AuthError | null;
  /**
   * Sends the browser to the Cognito hosted UI (authorization code + PKCE S256, fresh nonce). On a callback page it
   * ends with the page's own sign-in instead — waiting up to 10 s for a lazily loaded `<AuthCallback>` to start it, and
   * failing with `AuthError` `config` when none does (e.g. its route inside `<RequireAuth>`).
   */
  signIn(options?: SignInOptions): Promise<void>;
  /** Revokes the refresh token, clears the session in every tab and navigates to Cognito's `/logout`. */
  signOut(): Promise<void>;
  /**
   * The access token, renewed first when near expiry; while `loading`, once the tab knows whether it has a session;
   * on a callback page, once its sign-in ends (waiting up to 10 s for a lazily loaded `<AuthCallback>` to start it).
   * Throws `AuthError` code `session` when signed out.
   */
  getAccessToken(): Promise<string>;
  /**
   * The ID token, renewed first when near expiry; while `loading`, once the tab knows whether it has a session;
   * on a callback page, once its sign-in ends (waiting up to 10 s for a lazily loaded `<AuthCallback>` to start it).
   * Throws `AuthError` code `session` when signed out.
   */
  getIdToken(): Promise<string>;
}

/** What components see of a session (internal). */
export type AuthState = Pick<AuthContextValue, 'status' | 'user' | 'error'>;

/**
 * What the hooks and components use of a session: the real `Session`, or the testing kit's mock (internal). The
 * functions are called detached, so they must not rely on `this`.
 */
export interface AuthSession extends Pick<
  AuthContextValue,
  'signIn' | 'signOut' | 'getAccessToken' | 'getIdToken'
> {
  /** The current state (the same object until it changes). */
  getState: () => AuthState;
  /** Subscribes to state changes; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** A token for `useAuthFetch()`: renewed first when near expiry, or when `forceRenew` (after a 401). */
  getToken: (kind: 'access' | 'id', options: { forceRenew: boolean }) => Promise<string>;
  /** Finishes the sign-in on the callback page; resolves to the path to go to. */
  completeSignIn: (href: string) => Promise<string>;
  /** The provider's resolved configuration (a mock session has none). */
  config?: ResolvedConfig;
}

/** The session of the nearest `<CognitoProvider>` (or `<MockCognitoProvider>`) (internal). */
export const AuthContext = createContext<AuthSession | null>(null);
AuthContext.displayName = 'CognitoAuth';
