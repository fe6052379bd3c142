import { build, type InlineConfig } from 'vite';
import { DEMO_VITE_CONFIG } from './demoPaths.js';

/**
 * What every production build made from code (the demo here, the bench and fixture apps in
 * `bench/lib/buildApp.ts`) sets: production React and JSX, because a caller such as vitest runs with
 * `NODE_ENV=test`, which would otherwise select React's development build.
 */
export const PRODUCTION_BUILD = {
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { development: false } },
} as const satisfies InlineConfig;

/**
 * Builds the demo SPA for production into `outDir` — what `npm run demo:build` makes in `demo/dist` — in this
 * process.
 *
 * @example await buildDemo(mkdtempSync(join(tmpdir(), 'demo-')));
 */
export async function buildDemo(outDir: string): Promise<void> {
  await build({
    ...PRODUCTION_BUILD,
    configFile: DEMO_VITE_CONFIG,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}
