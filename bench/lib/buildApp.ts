import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { PRODUCTION_BUILD } from '../../demo/server/buildDemo.js';

/** A production build of one app. */
export interface BuiltApp {
  /** The directory holding `index.html` and `assets/`. */
  distDir: string;
  /** Gzipped bytes (level 9) of all the JavaScript the app loads. */
  jsGzip: number;
}

/**
 * Builds the Vite app whose `index.html` is in `appDir` (a bench app, an e2e fixture app) for production into
 * `outDir`, the package's own name resolving to `src/index.ts` as in the root Vite config, with production React
 * and JSX forced ({@link PRODUCTION_BUILD}). Serve the result with `serveApp` (`./serveApp.ts`), which writes the pool configuration in.
 *
 * @example const app = await buildApp(new URL('./fixtures/multiTab/', import.meta.url), distDir);
 */
export async function buildApp(appDir: URL, outDir: string): Promise<BuiltApp> {
  await build({
    configFile: false,
    envDir: false,
    root: fileURLToPath(appDir),
    ...PRODUCTION_BUILD,
    base: '/',
    logLevel: 'warn',
    publicDir: false,
    resolve: {
      alias: { 'react-cognito-sso': fileURLToPath(new URL('../../src/index.ts', import.meta.url)) },
    },
    build: { outDir, emptyOutDir: true },
  });
  const assets = join(outDir, 'assets');
  const scripts = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  if (scripts.length === 0) throw new Error(`the build of ${appDir.href} has no JavaScript in ${assets}`);
  const code = Buffer.concat(await Promise.all(scripts.map((file) => readFile(join(assets, file)))));
  return { distDir: outDir, jsGzip: gzipSync(code, { level: 9 }).byteLength };
}
