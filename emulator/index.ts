/**
 * react-cognito-sso/emulator — a strict local Amazon Cognito user pool (hosted UI, PKCE code flow,
 * Cognito-shaped tokens, refresh, revoke, logout) for development and end-to-end tests. Node only.
 *
 * @module react-cognito-sso/emulator
 */
export { startCognitoEmulator } from './startCognitoEmulator.js';
export { DEMO_CLIENT_ID, DEMO_USERS } from './demoPool.js';
export type { CognitoEmulator } from './CognitoEmulator.js';
export type { EmulatorClient } from './EmulatorClient.js';
export type {
  CountedEndpoint,
  EmulatorControls,
  Fault,
  FaultableEndpoint,
  IdTokenTamper,
} from './EmulatorControls.js';
export type { EmulatorOptions } from './EmulatorOptions.js';
export type { EmulatorUser } from './EmulatorUser.js';
