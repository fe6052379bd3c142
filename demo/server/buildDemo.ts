import { build } from 'vite';
import { DEMO_VITE_CONFIG } from './demoPaths.js';

/**
 * Builds the demo SPA for production into `outDir` — what `npm run demo:build` makes in `demo/dist` — in this
 * process. Production React and JSX are forced, as in `bench/lib/buildApp.ts`, because a caller such as vitest
 * runs with `NODE_ENV=test`, which would otherwise select React's development build.
 *
 * @example await buildDemo(mkdtempSync(join(tmpdir(), 'demo-')));
 */
export async function buildDemo(outDir: string): Promise<void> {
  await build({
    configFile: DEMO_VITE_CONFIG,
    mode: 'production',
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { development: false } },
    build: { outDir, emptyOutDir: true },
  });
}
