import { createContext } from 'react';
import type { AuthError } from './AuthError.js';
import type { CustomClaims } from './claims.js';
import type { CognitoUser } from './CognitoUser.js';
import type { Session } from './session/Session.js';

/**
 * Where the session stands: `loading` only while a new tab asks its peers for a session (~150 ms), or while the
 * callback page works; `error` when the last sign-in failed.
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
}

/** What `useAuth()` returns. */
export interface AuthContextValue<TClaims extends CustomClaims = CustomClaims> {
  status: AuthStatus;
  /** `status === 'loading'` */
  isLoading: boolean;
  /** `status === 'authenticated'` */
  isAuthenticated: boolean;
  user: CognitoUser<TClaims> | null;
  /** The last failure: sign-in (`callback`, `state`, `token`), renewal (`refresh`, `network`) or sign-out. */
  error: AuthError | null;
  /** Sends the browser to the Cognito hosted UI (authorization code + PKCE S256, fresh nonce). */
  signIn(options?: SignInOptions): Promise<void>;
  /** Revokes the refresh token, clears the session in every tab and navigates to Cognito's `/logout`. */
  signOut(): Promise<void>;
  /** The access token, renewed first when near expiry. Throws `AuthError` code `session` when signed out. */
  getAccessToken(): Promise<string>;
  /** The ID token, renewed first when near expiry. Throws `AuthError` code `session` when signed out. */
  getIdToken(): Promise<string>;
}

/** The session of the nearest `<CognitoProvider>` (internal). */
export const AuthContext = createContext<Session | null>(null);
AuthContext.displayName = 'CognitoAuth';
