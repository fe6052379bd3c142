import type { AppRun } from './measureAppRun.js';
import type { SignInMetrics } from './measureSignIn.js';

type Pair = [what: string, browser: number, server: number];

function signInPairs(label: string, signIn: SignInMetrics): Pair[] {
  return [
    [`${label} before redirect`, signIn.beforeRedirect, signIn.beforeRedirectServer],
    ...(['token', 'discovery', 'jwks', 'userInfo', 'total'] as const).map((key): Pair => [
      `${label} ${key} after redirect`,
      signIn.afterRedirect[key],
      signIn.afterRedirectServer[key],
    ]),
  ];
}

/**
 * Where the browser's request events and the emulator's counters disagree in one run, as readable lines (none
 * when the two ways of counting agree).
 */
export function countDisagreements(run: AppRun): string[] {
  const { reload, renewal } = run;
  const pairs: Pair[] = [
    ...signInPairs('sign-in', run.signIn),
    ...signInPairs('sign-in with latency', run.signInWithLatency),
    ['reload', reload.cognitoRequests, reload.cognitoRequestsServer],
    ['renewal 1 tab', renewal.oneTab.tokenRequests, renewal.oneTab.tokenRequestsServer],
    ['renewal 3 tabs', renewal.threeTabs.tokenRequests, renewal.threeTabs.tokenRequestsServer],
  ];
  return pairs
    .filter(([, browser, server]) => browser !== server)
    .map(([what, browser, server]) => `${what}: browser ${browser}, emulator ${server}`);
}
