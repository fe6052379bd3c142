import type { EmulatorClient } from './EmulatorClient.js';
import type { EmulatorOptions } from './EmulatorOptions.js';
import type { EmulatorUser } from './EmulatorUser.js';
import { DEMO_CLIENT, DEMO_USERS } from './demoPool.js';
import { stableSub } from './stableSub.js';

/** An app client with every default applied. */
export type ResolvedClient = Required<EmulatorClient>;

/** A user with every default applied. */
export type ResolvedUser = Required<EmulatorUser>;

/** Validated emulator configuration, every default applied. */
export interface EmulatorConfig {
  host: string;
  issuerPort: number;
  domainPort: number;
  region: string;
  userPoolId: string;
  clients: ResolvedClient[];
  users: ResolvedUser[];
  lifetimes: { idTokenSeconds: number; accessTokenSeconds: number; refreshTokenSeconds: number };
  rotation: { enabled: boolean; retryGracePeriodSeconds: number };
  log: (line: string) => void;
  now: () => number;
}

/** Scopes a client may request when it does not list its own. */
const DEFAULT_ALLOWED_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];

const STANDARD_SCOPES = new Set(DEFAULT_ALLOWED_SCOPES);
const STANDARD_ATTRIBUTES = new Set([
  'address',
  'birthdate',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
]);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const DAY = 86_400;

/** Throws the emulator's configuration error: `cognito-emulator: <field>: <problem>`. */
function fail(field: string, problem: string): never {
  throw new Error(`cognito-emulator: ${field}: ${problem}`);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function port(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    fail(field, 'must be an integer from 0 to 65535');
  return value;
}

function seconds(field: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max)
    fail(field, `must be an integer from 1 to ${max}`);
  return value;
}

/** Cognito's rule for callback and sign-out URLs: absolute, HTTPS (plain HTTP only for localhost), no fragment. */
function appUrl(field: string, value: unknown): string {
  if (typeof value !== 'string') return fail(field, 'must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(field, `"${value}" is not an absolute URL`);
  }
  if (url.hash !== '' || value.includes('#')) fail(field, `"${value}" must not contain a fragment`);
  const httpLocalhost = url.protocol === 'http:' && url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !httpLocalhost)
    fail(field, `"${value}" must use https (http only for localhost)`);
  return value;
}

/**
 * The (checked) clients with `{origin}/callback` added to their callback URLs and `{origin}/` to their sign-out URLs
 * for each app origin (`EmulatorOptions.appOrigins`), a URL a client already has not again.
 */
function acceptAppOrigins(clients: readonly ResolvedClient[], origins: unknown): ResolvedClient[] {
  if (!isStringArray(origins)) fail('appOrigins', 'must be an array of URLs');
  const bases = origins.map((origin, index) => {
    const url = new URL(appUrl(`appOrigins[${index}]`, origin));
    if (url.href !== `${url.origin}/`)
      fail(
        `appOrigins[${index}]`,
        `"${origin}" must be an origin without a path, e.g. http://localhost:5173`,
      );
    return url.origin;
  });
  const add = (urls: readonly string[], path: string): string[] => [
    ...new Set([...urls, ...bases.map((base) => base + path)]),
  ];
  return clients.map((client) => ({
    ...client,
    callbackUrls: add(client.callbackUrls, '/callback'),
    logoutUrls: add(client.logoutUrls, '/'),
  }));
}

function resolveClient(client: EmulatorClient, index: number): ResolvedClient {
  const at = `clients[${index}]`;
  if (typeof client !== 'object' || client === null) fail(at, 'must be an object');
  if (typeof client.clientId !== 'string' || !/^[\w+]{1,128}$/.test(client.clientId)) {
    fail(`${at}.clientId`, 'must match [\\w+]+ and be 1–128 characters');
  }
  if (!isStringArray(client.callbackUrls) || client.callbackUrls.length === 0) {
    fail(`${at}.callbackUrls`, 'must be a non-empty array of URLs');
  }
  if (!isStringArray(client.logoutUrls)) fail(`${at}.logoutUrls`, 'must be an array of URLs');
  const allowedScopes = client.allowedScopes ?? DEFAULT_ALLOWED_SCOPES;
  if (!isStringArray(allowedScopes) || allowedScopes.length === 0)
    fail(`${at}.allowedScopes`, 'must be a non-empty array');
  for (const scope of allowedScopes) {
    if (
      !STANDARD_SCOPES.has(scope) &&
      !/^[\x21\x23-\x5b\x5d-\x7e]+\/[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope)
    ) {
      fail(
        `${at}.allowedScopes`,
        `"${scope}" is neither a standard scope nor a custom "resource-server/scope"`,
      );
    }
  }
  if (client.name !== undefined && typeof client.name !== 'string') fail(`${at}.name`, 'must be a string');
  return {
    clientId: client.clientId,
    name: client.name ?? client.clientId,
    callbackUrls: client.callbackUrls.map((url, i) => appUrl(`${at}.callbackUrls[${i}]`, url)),
    logoutUrls: client.logoutUrls.map((url, i) => appUrl(`${at}.logoutUrls[${i}]`, url)),
    allowedScopes: [...allowedScopes],
  };
}

function resolveUser(user: EmulatorUser, index: number): ResolvedUser {
  const at = `users[${index}]`;
  if (typeof user !== 'object' || user === null) fail(at, 'must be an object');
  if (typeof user.username !== 'string' || !/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u.test(user.username)) {
    fail(`${at}.username`, 'must be 1–128 characters without spaces');
  }
  if (typeof user.password !== 'string' || user.password === '')
    fail(`${at}.password`, 'must be a non-empty string');
  if (typeof user.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(user.email))
    fail(`${at}.email`, 'must be an email address');
  if (user.emailVerified !== undefined && typeof user.emailVerified !== 'boolean')
    fail(`${at}.emailVerified`, 'must be a boolean');
  const groups = user.groups ?? [];
  if (!isStringArray(groups) || groups.some((group) => group === ''))
    fail(`${at}.groups`, 'must be an array of group names');
  if (user.sub !== undefined && (typeof user.sub !== 'string' || user.sub === ''))
    fail(`${at}.sub`, 'must be a non-empty string');
  const attributes = user.attributes ?? {};
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))
    fail(`${at}.attributes`, 'must be an object');
  for (const [name, value] of Object.entries(attributes)) {
    if (!STANDARD_ATTRIBUTES.has(name) && !/^custom:\w{1,20}$/.test(name)) {
      fail(`${at}.attributes`, `"${name}" is neither a standard attribute nor "custom:<name>"`);
    }
    if (typeof value !== 'string') fail(`${at}.attributes["${name}"]`, 'must be a string');
  }
  return {
    username: user.username,
    password: user.password,
    email: user.email,
    emailVerified: user.emailVerified ?? true,
    groups: [...groups],
    sub: user.sub ?? stableSub(user.username),
    attributes: { ...attributes },
  };
}

function unique(field: string, values: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) fail(field, `"${value}" appears twice`);
    seen.add(value);
  }
}

/**
 * Validates {@link EmulatorOptions} and applies the defaults, throwing `Error('cognito-emulator: <field>:
 * <problem>')` on the first invalid field — the emulator refuses what Cognito would refuse to configure, except
 * token lifetimes below Cognito's minimums (see {@link EmulatorOptions.tokenLifetimes}).
 */
export function resolveOptions(options: EmulatorOptions = {}): EmulatorConfig {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) fail('host', `"${host}" is not loopback; use 127.0.0.1, ::1 or localhost`);
  const issuerPort = port('issuerPort', options.issuerPort ?? 0);
  const domainPort = port('domainPort', options.domainPort ?? (issuerPort === 0 ? 0 : issuerPort + 1));
  if (issuerPort !== 0 && issuerPort === domainPort) fail('domainPort', 'must differ from issuerPort');
  const region = options.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    fail('region', `"${region}" is not an AWS region such as us-east-1`);
  const userPoolId = options.userPoolId ?? `${region}_Em0lat0r`;
  if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId) || userPoolId.length > 55) {
    fail('userPoolId', `"${userPoolId}" must look like {region}_{id}, at most 55 characters`);
  }
  if (userPoolId.slice(0, userPoolId.indexOf('_')) !== region)
    fail('userPoolId', `"${userPoolId}" is not in region ${region}`);
  const clients = acceptAppOrigins(
    (options.clients ?? [DEMO_CLIENT]).map(resolveClient),
    options.appOrigins ?? [],
  );
  if (clients.length === 0) fail('clients', 'must hold at least one app client');
  unique(
    'clients',
    clients.map((client) => client.clientId),
  );
  const users = (options.users ?? DEMO_USERS).map(resolveUser);
  unique(
    'users',
    users.map((user) => user.username.toLowerCase()),
  );
  unique(
    'users[].sub',
    users.map((user) => user.sub),
  );
  const lifetimes = options.tokenLifetimes ?? {};
  const rotation = options.refreshTokenRotation ?? { enabled: false };
  if (typeof rotation.enabled !== 'boolean') fail('refreshTokenRotation.enabled', 'must be a boolean');
  const grace = rotation.retryGracePeriodSeconds ?? 0;
  if (!Number.isInteger(grace) || grace < 0 || grace > 60) {
    fail('refreshTokenRotation.retryGracePeriodSeconds', 'must be an integer from 0 to 60');
  }
  return {
    host,
    issuerPort,
    domainPort,
    region,
    userPoolId,
    clients,
    users,
    lifetimes: {
      idTokenSeconds: seconds('tokenLifetimes.idTokenSeconds', lifetimes.idTokenSeconds, 3600, DAY),
      accessTokenSeconds: seconds(
        'tokenLifetimes.accessTokenSeconds',
        lifetimes.accessTokenSeconds,
        3600,
        DAY,
      ),
      refreshTokenSeconds: seconds(
        'tokenLifetimes.refreshTokenSeconds',
        lifetimes.refreshTokenSeconds,
        30 * DAY,
        3650 * DAY,
      ),
    },
    rotation: { enabled: rotation.enabled, retryGracePeriodSeconds: grace },
    log: options.log ?? (() => undefined),
    now: options.now ?? Date.now,
  };
}
