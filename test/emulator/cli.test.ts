import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLine } from '../../scripts/firstLine.js';
import { authorizeParams, get, pkcePair } from './flow.js';

const children = new Set<ChildProcess>();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cognito-emulator-cli-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

function startCli(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

interface Summary {
  issuer: string;
  issuerOrigin: string;
  domain: string;
  userPoolId: string;
  region: string;
  clients: { clientId: string }[];
  users: { username: string; password: string }[];
}

describe('cognito-emulator CLI', () => {
  it('--port 0 --json prints one JSON line with working URLs, and stops on SIGTERM', async () => {
    const child = startCli(['--port', '0', '--json']);
    const summary = JSON.parse(await firstLine(child, 20_000)) as Summary;
    expect(Object.keys(summary)).toEqual([
      'issuer',
      'issuerOrigin',
      'domain',
      'userPoolId',
      'region',
      'clients',
      'users',
    ]);
    expect(summary.userPoolId).toBe('us-east-1_Em0lat0r');
    expect(summary.issuer).toBe(`${summary.issuerOrigin}/us-east-1_Em0lat0r`);
    expect(summary.clients.map((client) => client.clientId)).toEqual(['3n4b5urk1ft4fl3mg5e62d9ado']);
    expect(summary.users.map((user) => `${user.username}/${user.password}`)).toEqual([
      'admin/Admin-Pass-1',
      'alice/Alice-Pass-1',
    ]);
    const discovery = (await (await fetch(`${summary.issuer}/.well-known/openid-configuration`)).json()) as {
      token_endpoint: string;
    };
    expect(discovery.token_endpoint).toBe(`${summary.domain}/oauth2/token`);
    const exit = finished(child);
    child.kill('SIGTERM');
    expect((await exit).code).toBe(0);
  }, 30_000);

  it('prints the banner with pool, client, users and the development-only warning', async () => {
    const child = startCli(['--port=0']);
    const exit = finished(child);
    const banner = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('Ctrl+C')) resolve(text);
      });
    });
    expect(banner).toContain('FOR DEVELOPMENT ONLY');
    expect(banner).toMatch(/Issuer\s+http:\/\/127\.0\.0\.1:\d+\/us-east-1_Em0lat0r/);
    expect(banner).toMatch(/Domain\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toContain('3n4b5urk1ft4fl3mg5e62d9ado');
    expect(banner).toContain('alice / Alice-Pass-1');
    child.kill('SIGINT');
    expect((await exit).code).toBe(0);
  }, 30_000);

  it('reads --config and --users files', async () => {
    const config = join(dir, 'config.json');
    const users = join(dir, 'users.json');
    await writeFile(
      config,
      JSON.stringify({
        region: 'eu-west-1',
        clients: [{ clientId: 'cliclient', callbackUrls: ['https://app.example.com/cb'], logoutUrls: [] }],
      }),
    );
    await writeFile(
      users,
      JSON.stringify([{ username: 'carol', password: 'Carol-Pass-1', email: 'carol@example.com' }]),
    );
    const child = startCli(['--port', '0', '--config', config, '--users', users, '--json']);
    const summary = JSON.parse(await firstLine(child, 20_000)) as Summary;
    expect(summary.region).toBe('eu-west-1');
    expect(summary.userPoolId).toBe('eu-west-1_Em0lat0r');
    expect(summary.clients.map((client) => client.clientId)).toEqual(['cliclient']);
    expect(summary.users.map((user) => user.username)).toEqual(['carol']);
    child.kill('SIGTERM');
  }, 30_000);

  it('--app-origin adds {origin}/callback and {origin}/ to the client, so an app on another port signs in', async () => {
    const child = startCli(['--port', '0', '--json', '--app-origin', 'http://localhost:5173']);
    const summary = JSON.parse(await firstLine(child, 20_000)) as Summary & {
      clients: { clientId: string; callbackUrls: string[]; logoutUrls: string[] }[];
    };
    const [client] = summary.clients;
    expect(client?.callbackUrls).toEqual([
      'http://localhost:8585/callback',
      'http://localhost:5173/callback',
    ]);
    expect(client?.logoutUrls).toEqual(['http://localhost:8585/', 'http://localhost:5173/']);
    const authorize = (redirectUri: string) =>
      get(
        `${summary.domain}/oauth2/authorize?${authorizeParams(summary, pkcePair().challenge, { redirect_uri: redirectUri })}`,
      );
    const accepted = await authorize('http://localhost:5173/callback');
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('location')).toMatch(/\/login\?/);
    const refused = await authorize('http://localhost:5174/callback');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      'redirect_uri http://localhost:5174/callback is not one of the callback URLs of this app client (http://localhost:8585/callback, http://localhost:5173/callback)',
    );
    child.kill('SIGTERM');
  }, 30_000);

  it("--app-origin adds to a config file's appOrigins instead of replacing them", async () => {
    const config = join(dir, 'origins.json');
    await writeFile(config, JSON.stringify({ appOrigins: ['http://localhost:5173'] }));
    const child = startCli([
      '--port',
      '0',
      '--json',
      '--config',
      config,
      '--app-origin',
      'http://localhost:5174',
    ]);
    const summary = JSON.parse(await firstLine(child, 20_000)) as Summary & {
      clients: { callbackUrls: string[] }[];
    };
    expect(summary.clients[0]?.callbackUrls).toEqual([
      'http://localhost:8585/callback',
      'http://localhost:5173/callback',
      'http://localhost:5174/callback',
    ]);
    child.kill('SIGTERM');
  }, 30_000);

  it('exits 1 with the reason on an invalid config file', async () => {
    const config = join(dir, 'bad.json');
    await writeFile(
      config,
      JSON.stringify({
        clients: [{ clientId: 'x', callbackUrls: ['http://app.example.com/cb'], logoutUrls: [] }],
      }),
    );
    const result = await finished(startCli(['--port', '0', '--config', config]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('must use https (http only for localhost)');
  }, 30_000);

  it('--help prints usage and exits 0; an unknown flag exits 2', async () => {
    const help = await finished(startCli(['--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: cognito-emulator');
    expect(help.stdout).toContain('--domain-port N');
    const bad = await finished(startCli(['--prot', '1']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown argument --prot');
  }, 30_000);
});
