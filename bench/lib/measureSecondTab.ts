import type { BrowserContext } from 'playwright-core';
import { openSignedOut } from './openSignedOut.js';
import type { BenchStack } from './startBenchStack.js';

/**
 * Opens the app signed out in one tab, then in a second tab while the first stays open; returns the ms from the
 * second tab's navigation start to the first commit of its "Sign in" button. An SDK tab without a session asks the
 * open tabs for theirs before it shows it.
 */
export async function measureSecondTab(context: BrowserContext, stack: BenchStack): Promise<number> {
  await openSignedOut(await context.newPage(), stack.origin);
  return openSignedOut(await context.newPage(), stack.origin);
}
