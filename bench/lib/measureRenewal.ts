import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchRenders } from '../apps/shared/benchProbe.js';
import { SETTLE_MS, SIGN_IN_BUTTON, SIGNED_IN } from './appSelectors.js';
import { measureSignIn } from './measureSignIn.js';
import { countEndpoint, NetworkLog } from './NetworkLog.js';
import { pollUntil } from './pollUntil.js';
import { readProbe } from './readProbe.js';
import { sleep } from './sleep.js';
import type { BenchStack } from './startBenchStack.js';

/**
 * Token lifetimes for a stack whose renewals are measured: 70 s, so that both apps renew well before expiry (the
 * baseline 60 s before it, the SDK halfway) and a clock jump of {@link RENEWAL_JUMP_MS} is due in both.
 */
export const RENEWAL_TOKEN_LIFETIMES = { idTokenSeconds: 70, accessTokenSeconds: 70 } as const;

/** How far the pages' clock jumps to make one renewal due (the tokens still have 25 s left). */
export const RENEWAL_JUMP_MS = 45_000;

/** Token requests of one renewal, as the browser saw them and as the emulator counted them. */
export interface RenewalRequests {
  tokenRequests: number;
  tokenRequestsServer: number;
}

/** What renewals cost with one tab, and with three tabs of one browser context. */
export interface RenewalMetrics {
  /** One tab: token requests, and renders of each component kind across the renewal. */
  oneTab: RenewalRequests & { renders: BenchRenders };
  /** Three tabs: token requests until every tab committed a new access token. */
  threeTabs: RenewalRequests & {
    /** Tabs opened on `/` that showed "Sign in" and had to go through the hosted UI (its session cookie). */
    tabsNeedingSignIn: number;
  };
}

/** Opens `/` in a new tab; when it shows "Sign in" (no session shared between tabs), signs in through the hosted UI. */
async function openSignedInTab(
  context: BrowserContext,
  stack: BenchStack,
): Promise<{ page: Page; neededSignIn: boolean }> {
  const page = await context.newPage();
  await page.goto(`${stack.origin}/`);
  const shown = page.locator(`${SIGNED_IN}, ${SIGN_IN_BUTTON}`).first();
  await shown.waitFor();
  if ((await shown.getAttribute('data-bench')) === 'signed-in') return { page, neededSignIn: false };
  await page.locator(SIGN_IN_BUTTON).click();
  await page.locator(SIGNED_IN).waitFor();
  return { page, neededSignIn: true };
}

/** Jumps the context's clock past the renewal point and waits until every page committed a new access token. */
async function renewOnce(
  context: BrowserContext,
  pages: readonly Page[],
  stack: BenchStack,
  log: NetworkLog,
): Promise<RenewalRequests> {
  const generations = await Promise.all(pages.map(async (page) => (await readProbe(page)).tokenGeneration));
  stack.emulator.controls.resetRequestCounts();
  const start = log.mark();
  await context.clock.fastForward(RENEWAL_JUMP_MS);
  await Promise.all(
    pages.map((page, index) =>
      pollUntil(
        async () => (await readProbe(page)).tokenGeneration > (generations[index] ?? 0),
        `tab ${index + 1} to show a renewed access token`,
      ),
    ),
  );
  await sleep(2 * SETTLE_MS);
  return {
    tokenRequests: countEndpoint(log.cognitoRequests(start), 'token'),
    tokenRequestsServer: stack.emulator.controls.requestCounts().token,
  };
}

function difference(after: BenchRenders, before: BenchRenders): BenchRenders {
  return {
    app: after.app - before.app,
    readers: after.readers - before.readers,
    nonReaders: after.nonReaders - before.nonReaders,
  };
}

/**
 * Measures renewals in a fresh browser context whose clock is faked by Playwright (time flows naturally; each
 * renewal is made due by a jump of {@link RENEWAL_JUMP_MS}): signs in, renews once with one tab (token requests,
 * renders), then opens two more tabs on `/` and renews once with three. The stack must have been started with
 * {@link RENEWAL_TOKEN_LIFETIMES}.
 */
export async function measureRenewal(browser: Browser, stack: BenchStack): Promise<RenewalMetrics> {
  const context = await browser.newContext();
  try {
    await context.clock.install();
    const log = new NetworkLog(context, stack.cognitoOrigins);
    const first = await context.newPage();
    await measureSignIn(first, stack, log);
    const before = await readProbe(first);
    const one = await renewOnce(context, [first], stack, log);
    const after = await readProbe(first);

    const opened = [await openSignedInTab(context, stack), await openSignedInTab(context, stack)];
    await sleep(SETTLE_MS);
    const three = await renewOnce(context, [first, ...opened.map(({ page }) => page)], stack, log);
    return {
      oneTab: { ...one, renders: difference(after.renders, before.renders) },
      threeTabs: { ...three, tabsNeedingSignIn: opened.filter(({ neededSignIn }) => neededSignIn).length },
    };
  } finally {
    await context.close();
  }
}
