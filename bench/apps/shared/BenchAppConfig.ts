/**
 * Where a bench app finds its Cognito pool: the harness's static server writes it into `index.html` as
 * `window.__BENCH_CONFIG__` before the app's module script runs, so one build serves every emulator run.
 */
export interface BenchAppConfig {
  /** The pool ID, `{region}_{id}`. */
  userPoolId: string;
  /** The public app client's ID. */
  clientId: string;
  /** The hosted-UI domain origin, e.g. `http://127.0.0.1:PORT`. */
  domain: string;
  /** The issuer base (the emulator's issuer origin): the issuer is `${endpoint}/${userPoolId}`. */
  endpoint: string;
}

declare global {
  interface Window {
    /** Set by the harness's static server in `index.html`. */
    __BENCH_CONFIG__?: BenchAppConfig;
  }
}

/** The configuration the harness injected; throws when the page was served without one. */
export function readBenchConfig(): BenchAppConfig {
  const config = window.__BENCH_CONFIG__;
  if (!config)
    throw new Error('window.__BENCH_CONFIG__ is missing: serve the bench app with bench/lib/serveApp.ts');
  return config;
}
