import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import type { EmulatorClient, EmulatorOptions } from 'react-cognito-sso/emulator';
import { loadConfigFile, loadUsersFile } from '../../emulator/loadConfigFile.js';
import { resolveOptions } from '../../emulator/resolveOptions.js';

const client = { clientId: 'cfgclient', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: [] };
const user = { username: 'u', password: 'p', email: 'u@example.com' };

/** Options with values of the wrong type, as a JSON configuration file can hold them. */
const loose = (options: Record<string, unknown>): EmulatorOptions => options as EmulatorOptions;
const looseClient = (fields: Record<string, unknown>): EmulatorOptions =>
  loose({ clients: [{ ...client, ...fields }] });
const looseUser = (fields: Record<string, unknown>): EmulatorOptions =>
  loose({ users: [{ ...user, ...fields }] });
const scopeRefused = (scope: string): string =>
  `clients[0].allowedScopes: "${scope}" is neither a standard scope nor a custom "resource-server/scope"`;
const attributeRefused = (name: string): string =>
  `users[0].attributes: "${name}" is neither a standard attribute nor "custom:<name>"`;

describe('resolveOptions: refuses what Cognito would refuse', () => {
  it.each<[string, EmulatorOptions, string]>([
    [
      'a non-loopback host',
      { host: '0.0.0.0' },
      'host: "0.0.0.0" is not loopback; use 127.0.0.1, ::1 or localhost',
    ],
    [
      'a malformed pool ID',
      { userPoolId: 'nopool' },
      'userPoolId: "nopool" must look like {region}_{id}, at most 55 characters',
    ],
    [
      'a pool ID over 55 characters',
      { userPoolId: `us-east-1_${'a'.repeat(46)}` },
      `userPoolId: "us-east-1_${'a'.repeat(46)}" must look like {region}_{id}, at most 55 characters`,
    ],
    [
      'a pool ID with a character other than [0-9a-zA-Z] at its end',
      { userPoolId: 'us-east-1_Abc!' },
      'userPoolId: "us-east-1_Abc!" must look like',
    ],
    [
      'a pool ID with a character other than [\\w-] before its last _',
      { userPoolId: 'us-east-1_A!b_c' },
      'userPoolId: "us-east-1_A!b_c" must look like',
    ],
    [
      'a pool ID of another region',
      { region: 'eu-west-1', userPoolId: 'us-east-1_Abc' },
      'userPoolId: "us-east-1_Abc" is not in region eu-west-1',
    ],
    ['a malformed region', { region: 'mars' }, 'region: "mars" is not an AWS region such as us-east-1'],
    ['a region with a prefix', { region: 'xeu-west-1' }, 'region: "xeu-west-1" is not an AWS region'],
    ['a region with a suffix', { region: 'eu-west-1x' }, 'region: "eu-west-1x" is not an AWS region'],
    [
      'an http callback URL other than localhost',
      { clients: [{ ...client, callbackUrls: ['http://127.0.0.1:3000/cb'] }] },
      'clients[0].callbackUrls[0]: "http://127.0.0.1:3000/cb" must use https (http only for localhost)',
    ],
    [
      'a callback URL with a fragment',
      { clients: [{ ...client, callbackUrls: ['https://app.example.com/cb#x'] }] },
      'clients[0].callbackUrls[0]: "https://app.example.com/cb#x" must not contain a fragment',
    ],
    [
      'a callback URL ending in an empty fragment',
      { clients: [{ ...client, callbackUrls: ['https://app.example.com/cb#'] }] },
      'clients[0].callbackUrls[0]: "https://app.example.com/cb#" must not contain a fragment',
    ],
    [
      'a relative callback URL',
      { clients: [{ ...client, callbackUrls: ['/callback'] }] },
      'clients[0].callbackUrls[0]: "/callback" is not an absolute URL',
    ],
    [
      'no callback URL',
      { clients: [{ ...client, callbackUrls: [] }] },
      'clients[0].callbackUrls: must be a non-empty array of URLs',
    ],
    [
      'a callback URL that is not a string',
      looseClient({ callbackUrls: [42] }),
      'clients[0].callbackUrls: must be a non-empty array of URLs',
    ],
    [
      'a bad sign-out URL',
      { clients: [{ ...client, logoutUrls: ['http://app.example.com/'] }] },
      'clients[0].logoutUrls[0]: "http://app.example.com/" must use https (http only for localhost)',
    ],
    ['a client that is null', loose({ clients: [null] }), 'clients[0]: must be an object'],
    ['a client that is a string', loose({ clients: ['cfgclient'] }), 'clients[0]: must be an object'],
    [
      'a malformed client ID',
      { clients: [{ ...client, clientId: 'has space' }] },
      'clients[0].clientId: must match [\\w+]+ and be 1–128 characters',
    ],
    ['a client ID that is not a string', looseClient({ clientId: 42 }), 'clients[0].clientId: must match'],
    ['a client name that is not a string', looseClient({ name: 42 }), 'clients[0].name: must be a string'],
    ['a duplicate client ID', { clients: [client, client] }, 'clients: "cfgclient" appears twice'],
    ['no clients', { clients: [] }, 'clients: must hold at least one app client'],
    [
      'no allowed scopes',
      { clients: [{ ...client, allowedScopes: [] }] },
      'clients[0].allowedScopes: must be a non-empty array',
    ],
    [
      'an unknown scope',
      { clients: [{ ...client, allowedScopes: ['openid', 'admin'] }] },
      scopeRefused('admin'),
    ],
    [
      'a custom scope with a space in its resource server',
      { clients: [{ ...client, allowedScopes: ['my api/read'] }] },
      scopeRefused('my api/read'),
    ],
    [
      'a custom scope with a space in its name',
      { clients: [{ ...client, allowedScopes: ['api/read all'] }] },
      scopeRefused('api/read all'),
    ],
    ['a user that is null', loose({ users: [null] }), 'users[0]: must be an object'],
    ['a user that is a string', loose({ users: ['u'] }), 'users[0]: must be an object'],
    [
      'a username with a space',
      { users: [{ ...user, username: 'u v' }] },
      'users[0].username: must be 1–128 characters without spaces',
    ],
    ['a username that is not a string', looseUser({ username: 42 }), 'users[0].username: must be'],
    [
      'usernames equal but for case',
      { users: [user, { ...user, username: 'U' }] },
      'users: "u" appears twice',
    ],
    [
      'an empty password',
      { users: [{ ...user, password: '' }] },
      'users[0].password: must be a non-empty string',
    ],
    [
      'a password that is not a string',
      looseUser({ password: 42 }),
      'users[0].password: must be a non-empty',
    ],
    ['a bad email', { users: [{ ...user, email: 'nope' }] }, 'users[0].email: must be an email address'],
    ['an email with two @', { users: [{ ...user, email: 'u@example.com@x' }] }, 'users[0].email: must be'],
    ['an email inside an array', looseUser({ email: ['u@example.com'] }), 'users[0].email: must be'],
    [
      'emailVerified as a string',
      looseUser({ emailVerified: 'yes' }),
      'users[0].emailVerified: must be a boolean',
    ],
    [
      'an empty group name',
      { users: [{ ...user, groups: [''] }] },
      'users[0].groups: must be an array of group names',
    ],
    [
      'groups as a string',
      looseUser({ groups: 'admin' }),
      'users[0].groups: must be an array of group names',
    ],
    [
      'a group that is not a string',
      looseUser({ groups: [42] }),
      'users[0].groups: must be an array of group names',
    ],
    ['an empty sub', { users: [{ ...user, sub: '' }] }, 'users[0].sub: must be a non-empty string'],
    ['a sub that is not a string', looseUser({ sub: 42 }), 'users[0].sub: must be a non-empty string'],
    [
      'two users with one sub',
      {
        users: [
          { ...user, sub: 'same' },
          { ...user, username: 'v', sub: 'same' },
        ],
      },
      'users[].sub: "same" appears twice',
    ],
    ['attributes as a string', looseUser({ attributes: 'team' }), 'users[0].attributes: must be an object'],
    ['attributes as an array', looseUser({ attributes: [] }), 'users[0].attributes: must be an object'],
    ['an unknown attribute', { users: [{ ...user, attributes: { team: 'x' } }] }, attributeRefused('team')],
    [
      'a reserved claim as attribute',
      { users: [{ ...user, attributes: { sub: 'x' } }] },
      attributeRefused('sub'),
    ],
    [
      'a custom attribute name with a prefix',
      { users: [{ ...user, attributes: { 'x-custom:team': 'a' } }] },
      attributeRefused('x-custom:team'),
    ],
    [
      'a custom attribute name over 20 characters',
      { users: [{ ...user, attributes: { [`custom:${'a'.repeat(21)}`]: 'a' } }] },
      attributeRefused(`custom:${'a'.repeat(21)}`),
    ],
    [
      'an attribute value that is not a string',
      looseUser({ attributes: { name: 42 } }),
      'users[0].attributes["name"]: must be a string',
    ],
    [
      'rotation enabled as a string',
      loose({ refreshTokenRotation: { enabled: 'yes' } }),
      'refreshTokenRotation.enabled: must be a boolean',
    ],
    ...[61, -1, 1.5].map((grace): [string, EmulatorOptions, string] => [
      `a grace period of ${grace} s`,
      { refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: grace } },
      'refreshTokenRotation.retryGracePeriodSeconds: must be an integer from 0 to 60',
    ]),
    [
      'a zero token lifetime',
      { tokenLifetimes: { accessTokenSeconds: 0 } },
      'tokenLifetimes.accessTokenSeconds: must be an integer from 1 to 86400',
    ],
    [
      'an ID token lifetime over a day',
      { tokenLifetimes: { idTokenSeconds: 86_401 } },
      'tokenLifetimes.idTokenSeconds: must be an integer from 1 to 86400',
    ],
    [
      'a refresh token lifetime over ten years',
      { tokenLifetimes: { refreshTokenSeconds: 315_360_001 } },
      'tokenLifetimes.refreshTokenSeconds: must be an integer from 1 to 315360000',
    ],
    ['equal ports', { issuerPort: 9300, domainPort: 9300 }, 'domainPort: must differ from issuerPort'],
    ['a negative port', { issuerPort: -1 }, 'issuerPort: must be an integer from 0 to 65535'],
    ['a fractional port', { issuerPort: 9300.5 }, 'issuerPort: must be an integer from 0 to 65535'],
    ['a port over 65535', { domainPort: 65_536 }, 'domainPort: must be an integer from 0 to 65535'],
    [
      'an http app origin other than localhost',
      { appOrigins: ['http://127.0.0.1:5173'] },
      'appOrigins[0]: "http://127.0.0.1:5173" must use https (http only for localhost)',
    ],
    [
      'an app origin with a path',
      { appOrigins: ['https://app.example.com', 'http://localhost:5173/callback'] },
      'appOrigins[1]: "http://localhost:5173/callback" must be an origin without a path',
    ],
    ['an app origin that is no URL', { appOrigins: ['localhost:5173'] }, 'appOrigins[0]'],
    [
      'app origins that are not an array',
      loose({ appOrigins: 'http://localhost:5173' }),
      'appOrigins: must be an array of URLs',
    ],
    [
      'a client without sign-out URLs, with app origins',
      {
        clients: [{ clientId: 'nologout', callbackUrls: ['https://app.example.com/cb'] } as EmulatorClient],
        appOrigins: ['http://localhost:5173'],
      },
      'clients[0].logoutUrls: must be an array of URLs',
    ],
  ])('%s', (_name, options, message) => {
    expect(() => resolveOptions(options)).toThrow(`cognito-emulator: ${message}`);
  });

  it('accepts the limits: loopback hosts, ports, lifetimes, grace period, pool ID length, GovCloud region', () => {
    expect(resolveOptions({ host: '::1' }).host).toBe('::1');
    expect(resolveOptions({ host: 'localhost' }).host).toBe('localhost');
    expect(resolveOptions({ issuerPort: 65_535, domainPort: 65_534 })).toMatchObject({
      issuerPort: 65_535,
      domainPort: 65_534,
    });
    expect(
      resolveOptions({
        tokenLifetimes: { idTokenSeconds: 1, accessTokenSeconds: 86_400, refreshTokenSeconds: 315_360_000 },
      }).lifetimes,
    ).toEqual({ idTokenSeconds: 1, accessTokenSeconds: 86_400, refreshTokenSeconds: 315_360_000 });
    expect(
      resolveOptions({ refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 60 } }).rotation,
    ).toEqual({ enabled: true, retryGracePeriodSeconds: 60 });
    const longPoolId = `us-east-1_${'a'.repeat(45)}`;
    expect(resolveOptions({ userPoolId: longPoolId }).userPoolId).toBe(longPoolId);
    expect(resolveOptions({ region: 'us-gov-west-1' }).userPoolId).toBe('us-gov-west-1_Em0lat0r');
  });

  it("keeps a user's given emailVerified, sub and every standard attribute; a username may hold combining marks", () => {
    const standard = [
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
    ];
    const attributes = Object.fromEntries(standard.map((name) => [name, `${name} value`]));
    const [resolved] = resolveOptions({
      users: [{ ...user, username: 'e\u0301mile', emailVerified: false, sub: 'given-sub', attributes }],
    }).users;
    expect(resolved).toMatchObject({
      username: 'e\u0301mile',
      emailVerified: false,
      sub: 'given-sub',
      attributes,
    });
  });

  it('tells usernames apart as sign-in does, by their lower case', () => {
    const users = resolveOptions({
      users: [
        { ...user, username: 'straße' },
        { ...user, username: 'strasse' },
      ],
    }).users;
    expect(users.map((resolved) => resolved.username)).toEqual(['straße', 'strasse']);
  });

  it('applies the defaults', () => {
    const config = resolveOptions({ issuerPort: 9400, users: [user], clients: [client] });
    expect(config.domainPort).toBe(9401);
    expect(config.lifetimes).toEqual({
      idTokenSeconds: 3600,
      accessTokenSeconds: 3600,
      refreshTokenSeconds: 2_592_000,
    });
    expect(config.rotation).toEqual({ enabled: false, retryGracePeriodSeconds: 0 });
    expect(config.clients[0]?.allowedScopes).toEqual([
      'openid',
      'email',
      'phone',
      'profile',
      'aws.cognito.signin.user.admin',
    ]);
    expect(config.users[0]).toMatchObject({ emailVerified: true, groups: [], attributes: {} });
    expect(resolveOptions({ users: [user] }).users[0]?.sub).toBe(config.users[0]?.sub);
    expect(resolveOptions({}).domainPort).toBe(0);
  });

  it('adds {origin}/callback and {origin}/ of each app origin to every client, once', () => {
    const config = resolveOptions({
      clients: [client, { ...client, clientId: 'other', logoutUrls: ['http://localhost:5173/'] }],
      appOrigins: ['http://LOCALHOST:5173', 'https://app.example.com/'],
    });
    expect(config.clients.map(({ callbackUrls, logoutUrls }) => ({ callbackUrls, logoutUrls }))).toEqual([
      {
        callbackUrls: [
          'http://localhost:3000/callback',
          'http://localhost:5173/callback',
          'https://app.example.com/callback',
        ],
        logoutUrls: ['http://localhost:5173/', 'https://app.example.com/'],
      },
      {
        callbackUrls: [
          'http://localhost:3000/callback',
          'http://localhost:5173/callback',
          'https://app.example.com/callback',
        ],
        logoutUrls: ['http://localhost:5173/', 'https://app.example.com/'],
      },
    ]);
  });

  it('accepts custom resource-server scopes and custom attributes', () => {
    const config = resolveOptions({
      clients: [{ ...client, allowedScopes: ['openid', 'api.example.com/read'] }],
      users: [{ ...user, attributes: { 'custom:team': 'a', locale: 'fr' } }],
    });
    expect(config.clients[0]?.allowedScopes).toContain('api.example.com/read');
  });

  it('startCognitoEmulator rejects an invalid configuration before listening', async () => {
    await expect(startCognitoEmulator({ host: '192.168.1.1' })).rejects.toThrow('cognito-emulator: host');
  });

  it('startCognitoEmulator reports a port in use', async () => {
    const first = await startCognitoEmulator();
    try {
      await expect(startCognitoEmulator({ issuerPort: Number(new URL(first.domain).port) })).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await first.stop();
    }
  });
});

describe('configuration files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cognito-emulator-config-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads the example configuration, which starts an emulator', async () => {
    const options = await loadConfigFile('emulator/example-config.json');
    const emulator = await startCognitoEmulator(options);
    try {
      expect(emulator.users.find((candidate) => candidate.username === 'alice')?.attributes).toEqual({
        name: 'Alice Example',
        'custom:team': 'data-platform',
      });
      expect(emulator.clients[0]?.callbackUrls).toContain('http://localhost:5173/callback');
    } finally {
      await emulator.stop();
    }
  });

  it('refuses unknown keys, non-objects, invalid JSON and missing files', async () => {
    const write = async (name: string, text: string): Promise<string> => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    };
    await expect(loadConfigFile(await write('typo.json', '{"client":[]}'))).rejects.toThrow(
      'unknown key "client"',
    );
    await expect(loadConfigFile(await write('array.json', '[]'))).rejects.toThrow('JSON object');
    await expect(loadConfigFile(await write('broken.json', '{'))).rejects.toThrow('not valid JSON');
    await expect(loadConfigFile(join(dir, 'missing.json'))).rejects.toThrow('cannot read');
    await expect(loadUsersFile(await write('users.json', '{"users":[]}'))).rejects.toThrow('JSON array');
  });
});
