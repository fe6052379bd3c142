/**
 * Measures what the SDK adds to an app's bundle: each entry is bundled and minified with esbuild for the
 * browser, then gzipped. The baseline is AWS's quick-setup wiring, react-oidc-context + oidc-client-ts.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One measured bundle. */
export interface BundleSize {
  /** What was bundled. */
  name: string;
  /** Minified bytes. */
  minified: number;
  /** Gzipped bytes of the minified bundle (level 9). */
  gzip: number;
  /** The minified bytes each bundled file contributes, largest first (paths relative to the repository). */
  files: { path: string; minified: number }[];
}

const root = fileURLToPath(new URL('..', import.meta.url));

async function measure(name: string, contents: string, external: string[]): Promise<BundleSize> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const files = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs).map(([path, input]) => ({ path, minified: input.bytesInOutput })),
  );
  return {
    name,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    files: files.filter((file) => file.minified > 0).sort((a, b) => b.minified - a.minified),
  };
}

const protocolLibs = ['oidc-client-ts', 'react-oidc-context'];
const reactLibs = ['react', 'react-dom', 'react/jsx-runtime'];

/** The figures the size budget is about. */
export interface BundleSizes {
  /** This package's main entry, its own code only (react, react-dom, oidc-client-ts, react-oidc-context external). */
  sdk: BundleSize;
  /**
   * What the README's quick start bundles of this package (`CognitoProvider`, `useAuth`, `AuthCallback`,
   * `RequireAuth`), own code only: an app that imports less pays less.
   */
  quickStart: BundleSize;
  /** The whole sign-in stack of an app using the main entry (only react external). */
  stack: BundleSize;
  /** The stack with the opt-in `react-cognito-sso/react-oidc-context` bridge added (only react external). */
  stackWithBridge: BundleSize;
  /** react-oidc-context + oidc-client-ts as AWS's sample imports them, `AuthProvider` and `useAuth` (only react external). */
  baseline: BundleSize;
}

/** Measures {@link BundleSizes}: every export of the SDK's entries (tree-shaking can only make an app's share smaller); the baseline is what AWS's sample imports. */
export async function measureBundles(): Promise<BundleSizes> {
  const main = "export * from './src/index.ts';";
  const [sdk, quickStart, stack, stackWithBridge, baseline] = await Promise.all([
    measure('react-cognito-sso (own code)', main, [...reactLibs, ...protocolLibs]),
    measure(
      'react-cognito-sso quick start (own code)',
      "export { AuthCallback, CognitoProvider, RequireAuth, useAuth } from './src/index.ts';",
      [...reactLibs, ...protocolLibs],
    ),
    measure('react-cognito-sso + oidc-client-ts', main, reactLibs),
    measure(
      'react-cognito-sso + react-cognito-sso/react-oidc-context + oidc-client-ts + react-oidc-context',
      `${main} export * from './src/reactOidcContext/index.ts';`,
      reactLibs,
    ),
    measure(
      'baseline: react-oidc-context + oidc-client-ts',
      "export { AuthProvider, useAuth } from 'react-oidc-context';",
      reactLibs,
    ),
  ]);
  return { sdk, quickStart, stack, stackWithBridge, baseline };
}

/** The targets of issue 6, in gzip bytes, printed by `npm run bench` beside the measured figures. */
export const SIZE_TARGET = { sdk: 4 * 1024, stack: 23 * 1024 } as const;

/**
 * What CI enforces, in gzip bytes: a regression guard a little above today's size (`bridge`: what the opt-in
 * react-oidc-context bridge adds to the stack). The stack is within {@link SIZE_TARGET} and about the baseline's
 * size (1.07×); the SDK's own code still misses its target. Lower these as the code shrinks, never raise them without
 * a reason in the commit message.
 */
export const SIZE_BUDGET = { sdk: 9_660, stack: 20_250, bridge: 1_560 } as const;
