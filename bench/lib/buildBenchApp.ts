import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The two bench apps: the SDK's and the baseline (react-oidc-context wired the AWS quick-setup way). */
export type BenchAppName = 'sdk' | 'baseline';

/** A production build of one bench app. */
export interface BuiltBenchApp {
  name: BenchAppName;
  /** The directory holding `index.html` and `assets/`. */
  distDir: string;
  /** Gzipped bytes (level 9) of all the JavaScript the app loads. */
  jsGzip: number;
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds `bench/apps/{name}` for production with Vite into `outDir` (the package's own name resolves to
 * `src/index.ts`, as in the root Vite config). Production React and JSX are forced, because callers such as
 * vitest run with `NODE_ENV=test`, which would otherwise select React's development build.
 *
 * @example const app = await buildBenchApp('sdk', await mkdtemp(join(tmpdir(), 'bench-sdk-')));
 */
export async function buildBenchApp(name: BenchAppName, outDir: string): Promise<BuiltBenchApp> {
  await build({
    configFile: false,
    envDir: false,
    root: here(`../apps/${name}`),
    base: '/',
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { 'react-cognito-sso': here('../../src/index.ts') } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { development: false } },
    build: { outDir, emptyOutDir: true },
  });
  const assets = join(outDir, 'assets');
  const scripts = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  if (scripts.length === 0) throw new Error(`the ${name} bench app build has no JavaScript in ${assets}`);
  const code = Buffer.concat(await Promise.all(scripts.map((file) => readFile(join(assets, file)))));
  return { name, distDir: outDir, jsGzip: gzipSync(code, { level: 9 }).byteLength };
}
