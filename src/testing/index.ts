/**
 * A consumer testing kit: render an app's screens signed in, signed out, loading or failed in its unit tests, with
 * no network and no Cognito. For unit tests only — never ship it in an app.
 *
 * @example
 * ```tsx
 * import { MockCognitoProvider, createMockUser } from 'react-cognito-sso/testing';
 *
 * render(
 *   <MockCognitoProvider user={createMockUser({ 'cognito:groups': ['admin'] })}>
 *     <AdminPage />
 *   </MockCognitoProvider>,
 * );
 * ```
 * @module react-cognito-sso/testing
 */
export { createMockUser } from './createMockUser.js';
export { MockCognitoProvider } from './MockCognitoProvider.js';
export type { MockCognitoProviderProps } from './MockCognitoProvider.js';
