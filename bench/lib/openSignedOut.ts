import type { Page } from 'playwright-core';
import { SIGN_IN_BUTTON } from './appSelectors.js';
import { readProbe } from './readProbe.js';

/**
 * Opens the app's `/` on `page` without a session and waits for its "Sign in" button; resolves to the ms from the
 * page's navigation start to the button's first commit, as the app's probe recorded it.
 */
export async function openSignedOut(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/`);
  await page.locator(SIGN_IN_BUTTON).waitFor();
  const { signedOutAt } = await readProbe(page);
  if (signedOutAt === null)
    throw new Error('the app showed its "Sign in" button but recorded no time for it');
  return signedOutAt;
}
