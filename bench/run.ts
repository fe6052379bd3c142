/**
 * `npm run bench`: react-cognito-sso against the baseline (react-oidc-context wired the AWS quick-setup way), the
 * two bench apps in `bench/apps/` sharing one UI. Both are built for production, then driven in headless Chromium
 * against a fresh Cognito emulator per run, interleaved (sdk, baseline, baseline, sdk, …): requests to Cognito
 * per phase, ms to signed-in content, renders, token requests per renewal with 1 and 3 tabs; plus gzip bytes.
 * Prints the table and writes it to `test-results/bench.md`. Exits non-zero only when the harness fails — a
 * missed target is printed as NOT MET. `BENCH_RUNS` sets the runs per app (default: 11 — the times
 * vary by ±70 ms from run to run on a 2-core machine, so a median of fewer runs can flip the comparison).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/e2e/support/launchBrowser.js';
import { measureBundles } from './bundleSize.js';
import { benchRows } from './lib/benchRows.js';
import { buildBenchApp, type BenchAppName } from './lib/buildBenchApp.js';
import { countDisagreements } from './lib/countDisagreements.js';
import { formatBenchTable } from './lib/formatBenchTable.js';
import { COGNITO_LATENCY_MS, measureAppRun, type AppRun } from './lib/measureAppRun.js';
import { RENEWAL_JUMP_MS, RENEWAL_TOKEN_LIFETIMES } from './lib/measureRenewal.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const OUTPUT = fileURLToPath(new URL('../test-results/bench.md', import.meta.url));

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1)
    throw new Error(`BENCH_RUNS must be a positive integer, not ${RUNS}`);
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'react-cognito-sso-bench-'));
  try {
    console.log('building the bench apps (vite, production) and measuring bundles (esbuild)…');
    const apps = {
      sdk: await buildBenchApp('sdk', join(work, 'sdk')),
      baseline: await buildBenchApp('baseline', join(work, 'baseline')),
    };
    const bundles = await measureBundles();
    const browser = await launchBrowser();
    const runs: Record<BenchAppName, AppRun[]> = { sdk: [], baseline: [] };
    try {
      for (let index = 0; index < RUNS; index++) {
        const order: BenchAppName[] = index % 2 === 0 ? ['sdk', 'baseline'] : ['baseline', 'sdk'];
        for (const name of order) {
          const runStarted = Date.now();
          runs[name].push(await measureAppRun(browser, apps[name]));
          console.log(
            `run ${index + 1}/${RUNS} ${name.padEnd(8)} ${((Date.now() - runStarted) / 1000).toFixed(1)} s`,
          );
        }
      }
      const table = formatBenchTable(benchRows({ runs, bundles, apps }));
      const disagreements = (['sdk', 'baseline'] as const).flatMap((name) =>
        runs[name].flatMap((run, index) =>
          countDisagreements(run).map((what) => `${name} run ${index + 1}: ${what}`),
        ),
      );
      const notes = [
        `${RUNS} runs per app, interleaved; headless Chromium ${browser.version()}, Node ${process.version}; ` +
          `${((Date.now() - started) / 1000).toFixed(0)} s.`,
        '- sdk: `bench/apps/sdk` (react-cognito-sso); baseline: `bench/apps/baseline` (react-oidc-context, ' +
          'AWS quick-setup wiring); both render the same UI (`bench/apps/shared/createBenchUi.tsx`).',
        '- Requests are counted from the browser’s request events on the emulator’s two origins; the emulator’s ' +
          `own counters ${disagreements.length === 0 ? 'agree in every run' : `DISAGREE: ${disagreements.join('; ')}`}.`,
        '- ms: `performance.now()` in the page at the first commit of signed-in content, from the start of the ' +
          "callback page's fetch (after Cognito's redirect from the login form) or the reloaded page's navigation " +
          'start; for the signed-out visits, at the first commit of the "Sign in" button of a fresh page (alone ' +
          'in its browser context, or opened once a first signed-out tab shows it). On loopback the emulator ' +
          'answers in about 1 ms, so these ' +
          `times are mostly script start-up; the row with +${COGNITO_LATENCY_MS} ms per Cognito request (Playwright ` +
          'routing) shows what a saved round trip is worth. The SDK also verifies the ID token’s signature (JWKS, ' +
          'WebCrypto), which the baseline skips. Times without a target are for information.',
        `- Renewal: tokens live ${RENEWAL_TOKEN_LIFETIMES.accessTokenSeconds} s; the pages’ clock (Playwright) ` +
          `jumps ${RENEWAL_JUMP_MS / 1000} s to make one renewal due. Extra tabs are opened on \`/\`; a tab ` +
          'that shows "Sign in" signs in through the hosted UI (its session cookie, no form).',
        '- Bytes: `bench/bundleSize.ts` (esbuild, minified, gzip -9); bench app JavaScript: the Vite build.',
        `- SDK own code by file (minified bytes; ${bundles.sdk.minified.toLocaleString('en-US')} in all): ` +
          bundles.sdk.files
            .map(({ path, minified }) => `${path.replace(/^src\//, '')} ${minified.toLocaleString('en-US')}`)
            .join(', ') +
          '.',
      ].join('\n');
      console.log(`\n${table}\n\n${notes}`);
      await mkdir(join(OUTPUT, '..'), { recursive: true });
      await writeFile(OUTPUT, `# npm run bench\n\n${table}\n\n${notes}\n`);
      console.log(`\nwritten to ${OUTPUT}`);
    } finally {
      await browser.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('bench: harness failure —', error);
  process.exitCode = 1;
});
