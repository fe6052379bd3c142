import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEMO_VITE_CONFIG } from './demoPaths.js';

const VITE_CLI = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');

/**
 * Builds the demo SPA for production into `outDir` — `vite build`, as `npm run demo:build` runs it for
 * `demo/dist` — in a child process with `NODE_ENV=production`: Vite reads `NODE_ENV` to choose React's
 * production JSX runtime, and a caller such as vitest runs with `NODE_ENV=test`.
 *
 * @example await buildDemo(mkdtempSync(join(tmpdir(), 'demo-')));
 */
export function buildDemo(outDir: string): Promise<void> {
  const args = [
    VITE_CLI,
    'build',
    '--config',
    DEMO_VITE_CONFIG,
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build of the demo failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
