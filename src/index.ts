/**
 * React sign-in for Amazon Cognito user pools: the hosted UI (managed login) with the authorization code flow and
 * PKCE, verified ID tokens, refresh-token renewal shared across tabs, and route guards.
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
 * @module react-cognito-sso
 */
export { AuthCallback } from './AuthCallback.js';
export { AuthError } from './AuthError.js';
export { CognitoProvider } from './CognitoProvider.js';
export { configFromOpenMetadata } from './configFromOpenMetadata.js';
export { RequireAuth } from './RequireAuth.js';
export { sanitizeReturnTo } from './sanitizeReturnTo.js';
export { useAuth } from './useAuth.js';
export { useAuthFetch } from './useAuthFetch.js';
export { useSessionExpiry } from './useSessionExpiry.js';
export type { AuthCallbackProps } from './AuthCallback.js';
export type { AuthContextValue, AuthStatus, SignInOptions } from './AuthContext.js';
export type { AuthErrorCode } from './AuthError.js';
export type { CognitoIdTokenClaims, CustomClaims } from './claims.js';
export type { CognitoConfig } from './CognitoConfig.js';
export type { CognitoProviderProps } from './CognitoProvider.js';
export type { CognitoUser } from './CognitoUser.js';
export type { RequireAuthProps } from './RequireAuth.js';
export type { SessionExpiry } from './useSessionExpiry.js';
