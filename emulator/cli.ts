#!/usr/bin/env node
/**
 * The `cognito-emulator` command: starts {@link startCognitoEmulator} from flags and files and prints the
 * configuration (a banner, or one JSON line with `--json`) until SIGINT/SIGTERM. See {@link USAGE}.
 *
 * @example
 * ```sh
 * npx cognito-emulator --port 9229 --config emulator/example-config.json
 * npx cognito-emulator --port 0 --json
 * npx cognito-emulator --app-origin http://localhost:5173
 * ```
 */
import type { EmulatorOptions } from './EmulatorOptions.js';
import { emulatorSummary, formatBanner } from './formatBanner.js';
import { loadConfigFile, loadUsersFile } from './loadConfigFile.js';
import { parseCliArgs, USAGE } from './parseCliArgs.js';
import type { CliArgs } from './parseCliArgs.js';
import { startCognitoEmulator } from './startCognitoEmulator.js';

/** Issuer port when neither `--port` nor the config file sets one. */
const DEFAULT_PORT = 9229;

async function run(args: CliArgs): Promise<void> {
  const options: EmulatorOptions = args.configFile === undefined ? {} : await loadConfigFile(args.configFile);
  if (args.usersFile !== undefined) options.users = await loadUsersFile(args.usersFile);
  if (args.appOrigins.length > 0) options.appOrigins = [...(options.appOrigins ?? []), ...args.appOrigins];
  options.issuerPort = args.port ?? options.issuerPort ?? DEFAULT_PORT;
  if (args.domainPort !== undefined) options.domainPort = args.domainPort;
  else if (args.port !== undefined) delete options.domainPort;
  if (!args.json) options.log = (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const emulator = await startCognitoEmulator(options);
  const shutdown = (): void => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.stdout.write(`${args.json ? JSON.stringify(emulatorSummary(emulator)) : formatBanner(emulator)}\n`);
}

let args: CliArgs;
try {
  args = parseCliArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `cognito-emulator: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`,
  );
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
} else {
  run(args).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
