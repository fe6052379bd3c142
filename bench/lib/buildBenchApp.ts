import { buildApp } from './buildApp.js';
import type { BuiltApp } from './buildApp.js';

/** The two bench apps: the SDK's and the baseline (react-oidc-context wired the AWS quick-setup way). */
export type BenchAppName = 'sdk' | 'baseline';

/**
 * Builds `bench/apps/{name}` for production into `outDir` with {@link buildApp}.
 *
 * @example const app = await buildBenchApp('sdk', await mkdtemp(join(tmpdir(), 'bench-sdk-')));
 */
export function buildBenchApp(name: BenchAppName, outDir: string): Promise<BuiltApp> {
  return buildApp(new URL(`../apps/${name}/`, import.meta.url), outDir);
}
