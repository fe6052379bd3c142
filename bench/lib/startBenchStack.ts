import type { CognitoEmulator, EmulatorOptions, EmulatorUser } from 'react-cognito-sso/emulator';
import { startDemoEmulator } from '../../demo/server/startDemoEmulator.js';
import { demoUser } from '../../test/e2e/support/demoUser.js';
import type { BuiltApp } from './buildApp.js';
import { serveApp } from './serveApp.js';

/** One bench app served next to its own Cognito emulator. */
export interface BenchStack {
  /** The app's origin, `http://localhost:{port}`. */
  origin: string;
  emulator: CognitoEmulator;
  /** The emulator's origins, issuer and hosted-UI domain: every request to Cognito goes to one of them. */
  cognitoOrigins: readonly string[];
  /** The user who signs in (the emulator's demo user alice). */
  user: EmulatorUser;
  stop(): Promise<void>;
}

/**
 * Serves a built bench app on a free loopback port and starts a fresh demo Cognito emulator (`startDemoEmulator`:
 * the demo users, the demo client with that origin's `/callback` and `/` as its callback and sign-out URLs); the
 * app is configured for that emulator.
 */
export async function startBenchStack(
  app: BuiltApp,
  options: Pick<EmulatorOptions, 'tokenLifetimes' | 'refreshTokenRotation'> = {},
): Promise<BenchStack> {
  const server = await serveApp(app.distDir);
  try {
    const { emulator, auth } = await startDemoEmulator(server.origin, options);
    server.setConfig({
      userPoolId: auth.userPoolId,
      clientId: auth.clientId,
      domain: emulator.domain,
      endpoint: emulator.issuerOrigin,
    });
    return {
      origin: server.origin,
      emulator,
      cognitoOrigins: [emulator.issuerOrigin, emulator.domain],
      user: demoUser('alice'),
      async stop() {
        await emulator.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
