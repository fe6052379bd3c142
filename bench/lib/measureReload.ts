import type { Page } from 'playwright-core';
import { SETTLE_MS, SIGNED_IN } from './appSelectors.js';
import type { NetworkLog } from './NetworkLog.js';
import { readProbe } from './readProbe.js';
import { sleep } from './sleep.js';
import type { BenchStack } from './startBenchStack.js';

/** What reloading a signed-in page cost. */
export interface ReloadMetrics {
  /** Requests to Cognito origins the browser made from the reload until signed-in content (and a settle). */
  cognitoRequests: number;
  /** The same, as the emulator counted them. */
  cognitoRequestsServer: number;
  /** Commits of the app shell before the first one that showed signed-in content. */
  rendersBeforeSignedIn: number;
  /** Whether the very first commit of the app shell already showed signed-in content. */
  firstRenderSignedIn: boolean;
  /** ms from the reload's navigation start to the first commit of signed-in content. */
  msToSignedIn: number;
}

/** Reloads a signed-in page of the stack's app and measures what it takes to show signed-in content again. */
export async function measureReload(page: Page, stack: BenchStack, log: NetworkLog): Promise<ReloadMetrics> {
  const { controls } = stack.emulator;
  controls.resetRequestCounts();
  const start = log.mark();
  await page.reload();
  await page.locator(SIGNED_IN).waitFor();
  await sleep(SETTLE_MS);
  const server = Object.values(controls.requestCounts()).reduce((sum, count) => sum + count, 0);
  const { commits, signedInAt } = await readProbe(page);
  const signedInCommit = commits.indexOf('signed-in');
  if (signedInAt === null || signedInCommit < 0)
    throw new Error('the app showed signed-in content but recorded no commit or time for it');
  return {
    cognitoRequests: log.cognitoRequests(start).length,
    cognitoRequestsServer: server,
    rendersBeforeSignedIn: signedInCommit,
    firstRenderSignedIn: signedInCommit === 0,
    msToSignedIn: signedInAt,
  };
}
