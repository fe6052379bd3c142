import { readFile } from 'node:fs/promises';
import type { EmulatorOptions } from './EmulatorOptions.js';
import type { EmulatorUser } from './EmulatorUser.js';

/** Keys a configuration file may hold: the JSON-representable {@link EmulatorOptions}. */
const CONFIG_KEYS = new Set([
  'region',
  'userPoolId',
  'clients',
  'appOrigins',
  'users',
  'tokenLifetimes',
  'refreshTokenRotation',
  'issuerPort',
  'domainPort',
]);

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `cognito-emulator: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(
      `cognito-emulator: ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Reads a JSON configuration file (`--config`): an object with any of `region`, `userPoolId`, `clients`,
 * `appOrigins`, `users`, `tokenLifetimes`, `refreshTokenRotation`, `issuerPort`, `domainPort`, shaped as in
 * {@link EmulatorOptions}. Unknown keys are refused here; values are validated by `startCognitoEmulator`.
 *
 * @example
 * ```ts
 * const emulator = await startCognitoEmulator(await loadConfigFile('emulator/example-config.json'));
 * ```
 */
export async function loadConfigFile(path: string): Promise<EmulatorOptions> {
  const json = await readJson(path);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`cognito-emulator: ${path} must hold a JSON object`);
  const unknown = Object.keys(json).find((key) => !CONFIG_KEYS.has(key));
  if (unknown !== undefined) {
    throw new Error(
      `cognito-emulator: ${path}: unknown key "${unknown}" (allowed: ${[...CONFIG_KEYS].join(', ')})`,
    );
  }
  return json as EmulatorOptions;
}

/** Reads a JSON users file (`--users`): an array of {@link EmulatorUser}, validated by `startCognitoEmulator`. */
export async function loadUsersFile(path: string): Promise<EmulatorUser[]> {
  const json = await readJson(path);
  if (!Array.isArray(json)) throw new Error(`cognito-emulator: ${path} must hold a JSON array of users`);
  return json as EmulatorUser[];
}
