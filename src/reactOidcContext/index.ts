/**
 * react-oidc-context compatibility for `<CognitoProvider>`: code that calls react-oidc-context's `useAuth()`
 * keeps working inside the provider.
 *
 * @module react-cognito-sso/react-oidc-context
 */
export { ReactOidcContextBridge } from './ReactOidcContextBridge.js';
export type { ReactOidcContextBridgeProps } from './ReactOidcContextBridge.js';
