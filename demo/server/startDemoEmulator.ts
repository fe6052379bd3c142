import { DEMO_CLIENT_ID, startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { CognitoEmulator, EmulatorOptions } from 'react-cognito-sso/emulator';
import type { DemoAuthSettings } from './DemoAuthSettings.js';

/** A Cognito emulator for the demo and the settings that point the demo at it. */
export interface DemoEmulator {
  emulator: CognitoEmulator;
  auth: DemoAuthSettings;
}

/**
 * Starts a Cognito emulator with the demo users and the demo's app client, whose callback and sign-out URLs are
 * `${appOrigin}/callback` and `${appOrigin}/`. For local development and tests only.
 *
 * @example
 * const { emulator, auth } = await startDemoEmulator('http://localhost:8585');
 * const demo = await startDemoServer({ port: 8585, mode: 'dev', auth });
 */
export async function startDemoEmulator(
  appOrigin: string,
  options: Pick<EmulatorOptions, 'tokenLifetimes' | 'refreshTokenRotation'> = {},
): Promise<DemoEmulator> {
  const emulator = await startCognitoEmulator({
    clients: [
      {
        clientId: DEMO_CLIENT_ID,
        name: 'OpenMetadata demo',
        callbackUrls: [`${appOrigin}/callback`],
        logoutUrls: [`${appOrigin}/`],
      },
    ],
    ...options,
  });
  return {
    emulator,
    auth: {
      userPoolId: emulator.userPoolId,
      clientId: DEMO_CLIENT_ID,
      authority: emulator.issuer,
      domain: emulator.domain,
    },
  };
}
