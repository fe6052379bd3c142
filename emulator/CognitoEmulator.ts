import type { EmulatorClient } from './EmulatorClient.js';
import type { EmulatorControls } from './EmulatorControls.js';
import type { EmulatorUser } from './EmulatorUser.js';

/** A running emulator, as returned by {@link startCognitoEmulator}. */
export interface CognitoEmulator {
  /** AWS region of the pool. */
  region: string;
  /** User pool ID. */
  userPoolId: string;
  /** Issuer origin, e.g. `http://127.0.0.1:9229` — give the SDK `endpoint: issuerOrigin`. */
  issuerOrigin: string;
  /** `${issuerOrigin}/${userPoolId}`, the `iss` of every token. */
  issuer: string;
  /** Hosted-UI domain origin, e.g. `http://127.0.0.1:9230` — give the SDK `domain: domain`. */
  domain: string;
  /** The app clients, defaults applied. */
  clients: EmulatorClient[];
  /** The users, defaults applied (including `sub`). */
  users: EmulatorUser[];
  /** Test controls. */
  controls: EmulatorControls;
  /** Closes both servers and every open connection. Safe to call twice. */
  stop(): Promise<void>;
}
