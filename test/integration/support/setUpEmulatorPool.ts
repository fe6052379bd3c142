import { startCognitoEmulator, type CognitoEmulator, type EmulatorOptions } from 'react-cognito-sso/emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ALICE, CLIENTS } from './emulatorApp.js';

/**
 * Registers the hooks of an integration test file: before all its tests, an emulator with the app client
 * ({@link CLIENTS}) and alice, plus `options`; before each test, its request counts at zero; after all, the emulator
 * stopped. The file must `vi.mock` `src/redirectTo.js` (the shared setup resets it and the address between tests).
 *
 * @returns the emulator, filled in once its `beforeAll` ran: use it inside tests and hooks
 * @example
 * vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));
 * const pool = setUpEmulatorPool();
 * it('…', async () => {
 *   const { probe } = await signedIn(pool);
 * });
 */
export function setUpEmulatorPool(options: EmulatorOptions = {}): CognitoEmulator {
  const pool = {} as CognitoEmulator;
  beforeAll(async () => {
    Object.assign(pool, await startCognitoEmulator({ clients: CLIENTS, users: [ALICE], ...options }));
  });
  afterAll(() => pool.stop());
  beforeEach(() => pool.controls.resetRequestCounts());
  return pool;
}
