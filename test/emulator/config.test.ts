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

describe('resolveOptions: refuses what Cognito would refuse', () => {
  it.each<[string, EmulatorOptions, string]>([
    ['a non-loopback host', { host: '0.0.0.0' }, 'host'],
    ['a malformed pool ID', { userPoolId: 'nopool' }, 'userPoolId'],
    [
      'a pool ID of another region',
      { region: 'eu-west-1', userPoolId: 'us-east-1_Abc' },
      'is not in region eu-west-1',
    ],
    ['a malformed region', { region: 'mars' }, 'region'],
    [
      'an http callback URL other than localhost',
      { clients: [{ ...client, callbackUrls: ['http://127.0.0.1:3000/cb'] }] },
      'http only for localhost',
    ],
    [
      'a callback URL with a fragment',
      { clients: [{ ...client, callbackUrls: ['https://app.example.com/cb#x'] }] },
      'fragment',
    ],
    ['a relative callback URL', { clients: [{ ...client, callbackUrls: ['/callback'] }] }, 'absolute URL'],
    ['no callback URL', { clients: [{ ...client, callbackUrls: [] }] }, 'callbackUrls'],
    [
      'a bad sign-out URL',
      { clients: [{ ...client, logoutUrls: ['http://app.example.com/'] }] },
      'logoutUrls[0]',
    ],
    ['a malformed client ID', { clients: [{ ...client, clientId: 'has space' }] }, 'clientId'],
    ['a duplicate client ID', { clients: [client, client] }, 'appears twice'],
    ['no clients', { clients: [] }, 'at least one'],
    ['an unknown scope', { clients: [{ ...client, allowedScopes: ['openid', 'admin'] }] }, 'allowedScopes'],
    ['usernames equal but for case', { users: [user, { ...user, username: 'U' }] }, 'appears twice'],
    ['an empty password', { users: [{ ...user, password: '' }] }, 'password'],
    ['a bad email', { users: [{ ...user, email: 'nope' }] }, 'email'],
    ['an unknown attribute', { users: [{ ...user, attributes: { team: 'x' } }] }, '"team"'],
    ['a reserved claim as attribute', { users: [{ ...user, attributes: { sub: 'x' } }] }, '"sub"'],
    [
      'a grace period over 60 s',
      { refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 61 } },
      'retryGracePeriodSeconds',
    ],
    ['a zero token lifetime', { tokenLifetimes: { accessTokenSeconds: 0 } }, 'accessTokenSeconds'],
    ['an ID token lifetime over a day', { tokenLifetimes: { idTokenSeconds: 86_401 } }, 'idTokenSeconds'],
    ['equal ports', { issuerPort: 9300, domainPort: 9300 }, 'domainPort'],
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
      'a client without sign-out URLs, with app origins',
      {
        clients: [{ clientId: 'nologout', callbackUrls: ['https://app.example.com/cb'] } as EmulatorClient],
        appOrigins: ['http://localhost:5173'],
      },
      'clients[0].logoutUrls: must be an array of URLs',
    ],
  ])('%s', (_name, options, message) => {
    expect(() => resolveOptions(options)).toThrow(message);
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
