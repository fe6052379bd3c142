import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The package's own name resolves to its sources, as it does for consumers after a build. */
const alias = {
  'react-cognito-sso/testing': here('./src/testing/index.ts'),
  'react-cognito-sso/react-oidc-context': here('./src/reactOidcContext/index.ts'),
  'react-cognito-sso/emulator': here('./emulator/index.ts'),
  'react-cognito-sso': here('./src/index.ts'),
};

/** What the jsdom projects share: the setup, and mocks, spies and stubbed globals reset after every test. */
const jsdom = {
  environment: 'jsdom' as const,
  setupFiles: ['test/setup/unit.ts'],
  mockReset: true,
  restoreMocks: true,
  unstubGlobals: true,
};

/**
 * React 18, the peer range's older major, from the `test/react18` workspace. Testing Library's ESM build is run
 * through Vite (inlined below) like react-oidc-context and react-router, so their own React imports take it too.
 */
const react18 = {
  ...alias,
  react: here('./test/react18/node_modules/react'),
  'react-dom': here('./test/react18/node_modules/react-dom'),
  '@testing-library/react': here('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        resolve: { alias },
        test: {
          ...jsdom,
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          // The type tests' expectTypeOf and @ts-expect-error checks run through tsc, so they can fail in npm test:
          // `*.test-d.*` only there (they assert nothing at run time), `*.test.*` in types/ there and at run time.
          typecheck: {
            enabled: true,
            include: ['test/unit/types/**/*.test-d.{ts,tsx}', 'test/unit/types/**/*.test.{ts,tsx}'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'emulator',
          environment: 'node',
          include: ['test/emulator/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'demo',
          environment: 'node',
          include: ['test/demo/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          ...jsdom,
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias: react18 },
        test: {
          ...jsdom,
          name: 'react18',
          // The unit and integration suites that render React (the .tsx ones), again on React 18; not the type tests.
          include: ['test/unit/**/*.test.tsx', 'test/integration/**/*.test.tsx'],
          exclude: ['test/unit/types/**'],
          setupFiles: [...jsdom.setupFiles, 'test/setup/react18.ts'],
          server: { deps: { inline: [/@testing-library\/react/, /react-oidc-context/, /react-router/] } },
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
