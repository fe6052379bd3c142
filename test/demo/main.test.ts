import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../demo/server/listen.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the script behind `npm run demo` with `args` and `cognito` as its only COGNITO_* variables, to its end. */
function runDemo(
  args: string[],
  cognito: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('COGNITO_')),
  );
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'demo/server/main.ts', ...args],
      { cwd: ROOT, env: { ...env, ...cognito }, timeout: 30_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('the demo command when it cannot start', () => {
  it('stops (exit 2) on an argument it does not know, with its usage', async () => {
    expect(await runDemo(['--port', 'eighty'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '--port needs a port number from 1 to 65535, not "eighty". Usage: tsx demo/server/main.ts [--preview] [--port N]\n',
    });
  });

  it('stops (exit 1) on a partial pool configuration, naming what is missing and how to use the emulator', async () => {
    const result = await runDemo([], { COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'Cannot start the demo against your user pool:',
        '  - COGNITO_CLIENT_ID is not set (all of COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_DOMAIN are needed)',
        '  - COGNITO_DOMAIN is not set (all of COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_DOMAIN are needed)',
        'Unset all COGNITO_* variables to use the built-in Cognito emulator instead.',
        '',
      ].join('\n'),
    );
  });

  it('stops (exit 1) when its port is taken, saying so', async () => {
    const holder = createServer();
    const port = await listen(holder, 0);
    try {
      const result = await runDemo(['--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `Cannot start the demo: Port ${port} on 127.0.0.1 is already in use: stop what is listening there, then try again.`,
      );
    } finally {
      await closeServer(holder);
    }
  });
});
