import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The demo SPA: root `demo/`, built into `demo/dist`. The package's own name resolves to its sources, as it
 * does for consumers after a build. No React plugin: Vite transforms TSX itself, and the plugin's inline
 * refresh preamble would need `'unsafe-inline'` in the Content-Security-Policy.
 */
export default defineConfig({
  root: here('.'),
  publicDir: here('./public'),
  resolve: { alias: { 'react-cognito-sso': here('../src/index.ts') } },
  // Pre-bundled at start-up: a dependency found later makes the dev server reload the page, which would
  // reload `/callback` halfway through a sign-in.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'react-router',
      'oidc-client-ts',
    ],
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    rolldownOptions: {
      // react-router marks its modules "use client", which means nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
