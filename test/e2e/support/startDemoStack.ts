import type { CognitoEmulator, EmulatorOptions } from 'react-cognito-sso/emulator';
import { inject } from 'vitest';
import { startDemoEmulator } from '../../../demo/server/startDemoEmulator.js';
import { startDemoServer } from '../../../demo/server/startDemoServer.js';
import { freePort } from './freePort.js';

/** An emulator and the demo (production build) wired to each other, on free loopback ports. */
export interface DemoStack {
  emulator: CognitoEmulator;
  /** The app's origin, `http://localhost:{port}`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a Cognito emulator (demo users; the client's callback and sign-out URLs on the app's port) and the demo
 * server in preview mode on the build made by `globalSetup.ts`.
 */
export async function startDemoStack(
  options: Pick<EmulatorOptions, 'tokenLifetimes'> = {},
): Promise<DemoStack> {
  const port = await freePort();
  const { emulator, auth } = await startDemoEmulator(`http://localhost:${port}`, options);
  try {
    const demo = await startDemoServer({ port, mode: 'preview', distDir: inject('demoDistDir'), auth });
    return {
      emulator,
      url: demo.url,
      async stop() {
        await demo.stop();
        await emulator.stop();
      },
    };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}
