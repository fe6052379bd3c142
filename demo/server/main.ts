import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CognitoEmulator } from 'react-cognito-sso/emulator';
import { buildDemo } from './buildDemo.js';
import type { DemoAuthSettings } from './DemoAuthSettings.js';
import { DEMO_DIST_DIR } from './demoPaths.js';
import { parseDemoArgs } from './parseDemoArgs.js';
import { readCognitoEnv } from './readCognitoEnv.js';
import { startDemoEmulator } from './startDemoEmulator.js';
import { startDemoServer } from './startDemoServer.js';
import type { DemoServer } from './startDemoServer.js';

/**
 * `npm run demo` (Vite dev server) and `npm run demo:preview` (`--preview`: the production build), on port 8585 or
 * the one `--port` names.
 */
const args = parseDemoArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(`${args.error} Usage: tsx demo/server/main.ts [--preview] [--port N]`);
  process.exit(2);
}
const { mode, port } = args;
const APP_ORIGIN = `http://localhost:${port}`;

const env = readCognitoEnv(process.env);
if (env.kind === 'invalid') {
  console.error(
    `Cannot start the demo against your user pool:\n${env.problems.map((line) => `  - ${line}`).join('\n')}`,
  );
  console.error('Unset all COGNITO_* variables to use the built-in Cognito emulator instead.');
  process.exit(1);
}

if (mode === 'preview' && !existsSync(join(DEMO_DIST_DIR, 'index.html'))) {
  console.log('No production build in demo/dist yet: building it (npm run demo:build) …');
  await buildDemo(DEMO_DIST_DIR);
}

let emulator: CognitoEmulator | null = null;
let auth: DemoAuthSettings;
if (env.kind === 'pool') {
  auth = env.auth;
} else {
  ({ emulator, auth } = await startDemoEmulator(APP_ORIGIN));
}

let demo: DemoServer;
try {
  demo = await startDemoServer({ port, mode, auth });
} catch (error) {
  await emulator?.stop();
  console.error(`Cannot start the demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const lines = [
  '',
  `  OpenMetadata-style demo (${mode === 'dev' ? 'Vite dev server' : 'production build'}): ${demo.url}/`,
  '',
  `  User pool ${auth.userPoolId}, app client ${auth.clientId}`,
  `  Issuer    ${auth.authority}`,
  `  Hosted UI ${auth.domain ?? '(from the discovery document)'}`,
];
if (emulator !== null) {
  lines.push('', '  Cognito emulator — for local development only. Demo users:');
  for (const user of emulator.users) {
    const groups = user.groups?.length ? `groups: ${user.groups.join(', ')}` : 'no groups';
    lines.push(
      `    ${user.username.padEnd(8)} password ${user.password.padEnd(14)} ${user.email} (${groups})`,
    );
  }
}
lines.push('', '  Press Ctrl+C to stop.', '');
console.log(lines.join('\n'));

const shutdown = (): void => {
  void Promise.all([demo.stop(), emulator?.stop()]).finally(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
