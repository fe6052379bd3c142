import type { Browser, BrowserContext } from 'playwright-core';
import { addCognitoLatency } from './addCognitoLatency.js';
import type { BuiltApp } from './buildApp.js';
import { measureReload, type ReloadMetrics } from './measureReload.js';
import { measureRenewal, RENEWAL_TOKEN_LIFETIMES, type RenewalMetrics } from './measureRenewal.js';
import { measureSecondTab } from './measureSecondTab.js';
import { measureSignIn, type SignInMetrics } from './measureSignIn.js';
import { NetworkLog } from './NetworkLog.js';
import { startBenchStack } from './startBenchStack.js';

/** The delay added to each request to Cognito for {@link AppRun.signInWithLatency}, in ms. */
export const COGNITO_LATENCY_MS = 50;

/** Everything one run of one bench app measured. */
export interface AppRun {
  /** Sign-in on loopback. */
  signIn: SignInMetrics;
  /** Reload of the signed-in page, on loopback. */
  reload: ReloadMetrics;
  /** Sign-in with every request to Cognito delayed by {@link COGNITO_LATENCY_MS}. */
  signInWithLatency: SignInMetrics;
  /** ms to the "Sign in" button of a second signed-out tab, beside an open one (see {@link measureSecondTab}). */
  msToSignInButtonInSecondTab: number;
  renewal: RenewalMetrics;
}

async function inContext<T>(browser: Browser, work: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/**
 * One run of one bench app against a fresh emulator, each phase in a fresh browser context: sign-in and reload
 * (loopback), sign-in with {@link COGNITO_LATENCY_MS} added to every Cognito request, a second signed-out tab, then
 * renewals (faked clock, see {@link measureRenewal}).
 */
export async function measureAppRun(browser: Browser, app: BuiltApp): Promise<AppRun> {
  const stack = await startBenchStack(app, { tokenLifetimes: RENEWAL_TOKEN_LIFETIMES });
  try {
    const { signIn, reload } = await inContext(browser, async (context) => {
      const log = new NetworkLog(context, stack.cognitoOrigins);
      const page = await context.newPage();
      return { signIn: await measureSignIn(page, stack, log), reload: await measureReload(page, stack, log) };
    });
    const signInWithLatency = await inContext(browser, async (context) => {
      await addCognitoLatency(context, stack.cognitoOrigins, COGNITO_LATENCY_MS);
      return measureSignIn(await context.newPage(), stack, new NetworkLog(context, stack.cognitoOrigins));
    });
    const msToSignInButtonInSecondTab = await inContext(browser, (context) =>
      measureSecondTab(context, stack),
    );
    return {
      signIn,
      reload,
      signInWithLatency,
      msToSignInButtonInSecondTab,
      renewal: await measureRenewal(browser, stack),
    };
  } finally {
    await stack.stop();
  }
}
