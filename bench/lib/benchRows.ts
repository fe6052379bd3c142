import { NON_READERS, TOKEN_READERS } from '../apps/shared/benchTree.js';
import { SIZE_TARGET, type BundleSizes } from '../bundleSize.js';
import type { BuiltApp } from './buildApp.js';
import type { BenchAppName } from './buildBenchApp.js';
import { COGNITO_LATENCY_MS, type AppRun } from './measureAppRun.js';
import { summarize, type Summary } from './summarize.js';

/** One line of the benchmark table, formatted. */
export interface BenchRow {
  metric: string;
  sdk: string;
  baseline: string;
  /** sdk median ÷ baseline median. */
  ratio: string;
  target: string;
  /** `yes`, `NOT MET`, or `—` for a figure without a target. */
  met: string;
}

/** What the table is made of. */
export interface BenchResults {
  runs: Record<BenchAppName, AppRun[]>;
  bundles: BundleSizes;
  apps: Record<BenchAppName, BuiltApp>;
}

interface Column {
  text: string;
  summary: Summary | null;
}

interface Target {
  text: string;
  met(
    sdk: readonly (number | boolean | null)[],
    sdkSummary: Summary | null,
    baseline: Summary | null,
  ): boolean;
}

const number = (value: number): string =>
  Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
const bytes = (value: number): string =>
  `${value.toLocaleString('en-US')} B (${(value / 1024).toFixed(1)} KB)`;

function column(values: readonly (number | boolean | null)[], unit: 'count' | 'ms' | 'flag'): Column {
  if (unit === 'flag') {
    if (values.every((value) => value === null)) return { text: 'n/a (never happened)', summary: null };
    return {
      text: `${values.filter((value) => value === true).length}/${values.length} runs`,
      summary: null,
    };
  }
  const summary = summarize(values.map(Number));
  const show = unit === 'ms' ? (value: number) => `${Math.round(value)} ms` : number;
  return { text: `${show(summary.median)} (${show(summary.min)}–${show(summary.max)})`, summary };
}

function ratio(sdk: Summary | null, baseline: Summary | null): string {
  if (!sdk || !baseline || baseline.median === 0) return '—';
  return `${(sdk.median / baseline.median).toFixed(2)}×`;
}

/** A sign-in time, which every run outside a faked clock has. */
function signInMs(ms: number | null): number {
  if (ms === null) throw new Error('a sign-in run has no time (no navigation timing on its callback page)');
  return ms;
}

const exactly = (expected: number): Target => ({
  text: `${expected}`,
  met: (sdk) => sdk.every((value) => value === expected),
});
const atMost = (limit: number): Target => ({
  text: `≤ ${limit}`,
  met: (sdk) => sdk.every((value) => typeof value === 'number' && value <= limit),
});
/** Every run answered yes; a run where the thing never happened (null, e.g. no JWKS request) does not count against. */
const everyRun: Target = { text: 'every run', met: (sdk) => sdk.every((value) => value !== false) };
const belowBaseline: Target = {
  text: '< baseline',
  met: (_sdk, sdk, baseline) => !!sdk && !!baseline && sdk.median < baseline.median,
};

/**
 * The benchmark table: per metric the SDK's and the baseline's median (min–max) over all runs, the ratio of the
 * medians, the target for the SDK and whether every SDK run (or the median, for times) met it.
 */
export function benchRows({ runs, bundles, apps }: BenchResults): BenchRow[] {
  const rows: BenchRow[] = [];
  const sampled = (
    metric: string,
    unit: 'count' | 'ms' | 'flag',
    pick: (run: AppRun) => number | boolean | null,
    target: Target | null,
  ): void => {
    const sdkValues = runs.sdk.map(pick);
    const sdk = column(sdkValues, unit);
    const baseline = column(runs.baseline.map(pick), unit);
    rows.push({
      metric,
      sdk: sdk.text,
      baseline: baseline.text,
      ratio: ratio(sdk.summary, baseline.summary),
      target: target?.text ?? '—',
      met: target ? (target.met(sdkValues, sdk.summary, baseline.summary) ? 'yes' : 'NOT MET') : '—',
    });
  };
  const sized = (metric: string, sdk: number, baseline: number | null, budget: number | null): void => {
    rows.push({
      metric,
      sdk: bytes(sdk),
      baseline: baseline === null ? '—' : bytes(baseline),
      ratio: baseline === null ? '—' : `${(sdk / baseline).toFixed(2)}×`,
      target: budget === null ? '—' : `≤ ${bytes(budget)}`,
      met: budget === null ? '—' : sdk <= budget ? 'yes' : 'NOT MET',
    });
  };

  sampled(
    'signed-out visit: navigation start → "Sign in" button',
    'ms',
    (run) => run.signIn.msToSignInButton,
    null,
  );
  sampled(
    'the same, in a second tab beside an open signed-out one',
    'ms',
    (run) => run.msToSignInButtonInSecondTab,
    null,
  );
  sampled(
    'sign-in: Cognito requests before the /oauth2/authorize redirect',
    'count',
    (run) => run.signIn.beforeRedirect,
    exactly(0),
  );
  sampled(
    'sign-in: token requests after the redirect back',
    'count',
    (run) => run.signIn.afterRedirect.token,
    exactly(1),
  );
  sampled(
    'sign-in: discovery requests after the redirect back',
    'count',
    (run) => run.signIn.afterRedirect.discovery,
    exactly(0),
  );
  sampled(
    'sign-in: userInfo requests after the redirect back',
    'count',
    (run) => run.signIn.afterRedirect.userInfo,
    exactly(0),
  );
  sampled(
    'sign-in: JWKS requests after the redirect back',
    'count',
    (run) => run.signIn.afterRedirect.jwks,
    atMost(1),
  );
  sampled(
    'sign-in: JWKS request started before the token response',
    'flag',
    (run) => run.signIn.jwksBeforeTokenResponse,
    everyRun,
  );
  sampled(
    'sign-in: all Cognito requests after the redirect back',
    'count',
    (run) => run.signIn.afterRedirect.total,
    null,
  );
  sampled(
    'sign-in: callback fetch start → signed-in content (loopback)',
    'ms',
    (run) => signInMs(run.signIn.msToSignedIn),
    null,
  );
  sampled(
    `sign-in: the same, each Cognito request +${COGNITO_LATENCY_MS} ms`,
    'ms',
    (run) => signInMs(run.signInWithLatency.msToSignedIn),
    belowBaseline,
  );
  sampled('reload: Cognito requests', 'count', (run) => run.reload.cognitoRequests, exactly(0));
  sampled(
    'reload: app renders before signed-in content',
    'count',
    (run) => run.reload.rendersBeforeSignedIn,
    exactly(0),
  );
  sampled(
    'reload: first committed render is signed in',
    'flag',
    (run) => run.reload.firstRenderSignedIn,
    everyRun,
  );
  sampled('reload: navigation start → signed-in content', 'ms', (run) => run.reload.msToSignedIn, null);
  sampled('renewal, 1 tab: token requests', 'count', (run) => run.renewal.oneTab.tokenRequests, exactly(1));
  sampled(
    'renewal, 3 tabs: token requests',
    'count',
    (run) => run.renewal.threeTabs.tokenRequests,
    exactly(1),
  );
  sampled(
    'renewal, 3 tabs: opened tabs that had to sign in again',
    'count',
    (run) => run.renewal.threeTabs.tabsNeedingSignIn,
    null,
  );
  sampled(
    `renewal: renders of the ${TOKEN_READERS} token readers`,
    'count',
    (run) => run.renewal.oneTab.renders.readers,
    exactly(TOKEN_READERS),
  );
  sampled(
    `renewal: renders of the ${NON_READERS} non-readers`,
    'count',
    (run) => run.renewal.oneTab.renders.nonReaders,
    exactly(0),
  );
  sampled(
    'renewal: renders of the app shell (reads the status)',
    'count',
    (run) => run.renewal.oneTab.renders.app,
    null,
  );
  sized('bytes: SDK own code, gzip (react + oidc libs external)', bundles.sdk.gzip, null, SIZE_TARGET.sdk);
  sized('bytes: the same, only what the README quick start imports', bundles.quickStart.gzip, null, null);
  sized(
    'bytes: whole sign-in stack, gzip (react external)',
    bundles.stack.gzip,
    bundles.baseline.gzip,
    SIZE_TARGET.stack,
  );
  sized(
    'bytes: the stack + the opt-in react-oidc-context bridge, gzip',
    bundles.stackWithBridge.gzip,
    bundles.baseline.gzip,
    null,
  );
  sized('bytes: bench app JavaScript, gzip (with React)', apps.sdk.jsGzip, apps.baseline.jsGzip, null);
  return rows;
}
