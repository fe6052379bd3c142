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

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/unit.ts'],
          mockReset: true,
          restoreMocks: true,
          unstubGlobals: true,
          // The type tests' expectTypeOf and @ts-expect-error checks run through tsc, so they can fail in npm test.
          typecheck: {
            enabled: true,
            include: ['test/unit/types/**/*.test.{ts,tsx}'],
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
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'jsdom',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/unit.ts'],
          mockReset: true,
          restoreMocks: true,
          unstubGlobals: true,
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
