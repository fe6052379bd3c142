import type { BrowserContext } from 'playwright-core';
import { SIGN_IN_BUTTON } from './appSelectors.js';
import { readProbe } from './readProbe.js';
import type { BenchStack } from './startBenchStack.js';

/**
 * Opens the app signed out in one tab, then in a second tab while the first stays open; returns the ms from the
 * second tab's navigation start to the first commit of its "Sign in" button. An SDK tab without a session asks the
 * open tabs for theirs before it shows it.
 */
export async function measureSecondTab(context: BrowserContext, stack: BenchStack): Promise<number> {
  const first = await context.newPage();
  await first.goto(`${stack.origin}/`);
  await first.locator(SIGN_IN_BUTTON).waitFor();
  const second = await context.newPage();
  await second.goto(`${stack.origin}/`);
  await second.locator(SIGN_IN_BUTTON).waitFor();
  const { signedOutAt } = await readProbe(second);
  if (signedOutAt === null)
    throw new Error('the second tab showed its "Sign in" button but recorded no time for it');
  return signedOutAt;
}
