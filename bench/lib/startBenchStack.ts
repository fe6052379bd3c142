import { DEMO_CLIENT_ID, startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator, EmulatorOptions, EmulatorUser } from 'react-cognito-sso/emulator';
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
 * Serves a built bench app on a free loopback port and starts a fresh Cognito emulator whose client has that
 * origin's `/callback` and `/` as its callback and sign-out URLs; the app is configured for that emulator.
 */
export async function startBenchStack(
  app: BuiltApp,
  options: Pick<EmulatorOptions, 'tokenLifetimes'> = {},
): Promise<BenchStack> {
  const user = demoUser('alice');
  const server = await serveApp(app.distDir);
  try {
    const emulator = await startCognitoEmulator({
      clients: [
        {
          clientId: DEMO_CLIENT_ID,
          callbackUrls: [`${server.origin}/callback`],
          logoutUrls: [`${server.origin}/`],
        },
      ],
      users: [user],
      ...options,
    });
    server.setConfig({
      userPoolId: emulator.userPoolId,
      clientId: DEMO_CLIENT_ID,
      domain: emulator.domain,
      endpoint: emulator.issuerOrigin,
      issuer: emulator.issuer,
    });
    return {
      origin: server.origin,
      emulator,
      cognitoOrigins: [emulator.issuerOrigin, emulator.domain],
      user,
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
