import { useEffect, useMemo, type JSX, type ReactNode } from 'react';
import { AuthContext } from './AuthContext.js';
import type { CognitoConfig } from './CognitoConfig.js';
import type { CognitoUser } from './CognitoUser.js';
import { resolveConfig } from './resolveConfig.js';
import { Session } from './session/Session.js';

/** Props of {@link CognitoProvider}: the pool's configuration, plus children and a sign-in callback. */
export interface CognitoProviderProps extends CognitoConfig {
  children?: ReactNode;
  /**
   * Called once a sign-in completes in this tab (after the ID token was verified and the session stored). If it
   * throws, `<AuthCallback>` shows that error (an `AuthError` code `callback`); the user stays signed in.
   */
  onSignIn?: (user: CognitoUser) => void;
}

/**
 * Signs users in with a Cognito user pool and keeps the session alive. The configuration is checked on the first
 * render (an `AuthError` code `config` is thrown, naming the field and the fix); a stored session is restored
 * synchronously, so a reload renders signed in at once. Code written against react-oidc-context's `useAuth()` (AWS's
 * quick-setup sample) runs inside it under `<ReactOidcContextBridge>` from `react-cognito-sso/react-oidc-context`.
 * Keep the configuration props stable: a change starts a new session and remounts the children (with
 * `storage: 'memory'`, that session starts signed out).
 *
 * @example
 * ```tsx
 * <CognitoProvider
 *   userPoolId="eu-west-1_AbCdEf123"
 *   clientId="4vkq3example"
 *   domain="myapp.auth.eu-west-1.amazoncognito.com"
 * >
 *   <App />
 * </CognitoProvider>
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-integration.html
 */
export function CognitoProvider({ children, onSignIn, ...config }: CognitoProviderProps): JSX.Element {
  // NaN and Infinity become strings, not null (which would read as "not given"), so resolveConfig refuses them.
  const key = JSON.stringify(config, (_, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  );
  const session = useMemo(() => new Session(resolveConfig(JSON.parse(key) as CognitoConfig)), [key]);
  useEffect(() => session.start(), [session]);
  useEffect(() => session.setOnSignIn(onSignIn), [session, onSignIn]);
  return (
    <AuthContext.Provider key={key} value={session}>
      {children}
    </AuthContext.Provider>
  );
}
