import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from 'react-cognito-sso/emulator';
import { demoUser } from './support/demoUser.js';
import { freePort } from './support/freePort.js';
import { launchBrowser } from './support/launchBrowser.js';
import { submitHostedUiForm } from './support/signIn.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment of a fresh shell: no COGNITO_* variable, so the demo starts its own emulator. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('COGNITO_')));

/** Resolves `child`'s stdout once it contains `marker`; rejects, with its stderr, if it exits first. */
function outputUntil(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(marker)) resolve(stdout);
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`the demo exited (${code}) before "${marker}":\n${stdout}${stderr}`)),
    );
  });
}

/** Whether any process of the group `pid` leads (npm, and the demo under it) is still running. */
function processGroupRuns(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('`npm run demo` (Vite dev server and the embedded emulator), as the README runs it', () => {
  let demo: ChildProcess;
  let banner: string;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://localhost:${port}`;
    demo = spawn('npm', ['run', 'demo', '--', '--port', String(port)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    banner = await outputUntil(demo, 'Press Ctrl+C to stop.');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (demo?.pid !== undefined && processGroupRuns(demo.pid)) process.kill(-demo.pid, 'SIGKILL');
  });

  it('prints its address, the emulator’s pool and every demo user with their password', () => {
    expect(banner).toContain(`OpenMetadata-style demo (Vite dev server): ${url}/`);
    expect(banner).toMatch(/User pool us-east-1_\w+, app client \w+/);
    expect(banner).toContain('Cognito emulator — for local development only. Demo users:');
    for (const user of DEMO_USERS)
      expect(banner).toMatch(new RegExp(`${user.username} +password ${user.password} `));
  });

  it('signs a demo user in through the hosted UI and back to a signed-out deep link, with no CSP violation', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${url}/explore?q=orders`);
    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).click();
    await page.waitForURL((next) => next.pathname === '/login');
    await submitHostedUiForm(page, demoUser('alice'));
    await page.waitForURL(`${url}/explore?q=orders`);
    await expect
      .poll(() => page.getByRole('heading', { name: /results for “orders”/ }).textContent(), {
        timeout: 20_000,
      })
      .toMatch(/^\d+ results? for “orders”$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stops on SIGTERM: every process it started ends and its port is free', async () => {
    const pid = demo.pid ?? 0;
    process.kill(-pid, 'SIGTERM');
    await expect.poll(() => processGroupRuns(pid), { timeout: 20_000 }).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
  });
});
