import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_READERS } from '../../bench/apps/shared/benchTree.js';
import { SIGN_IN_BUTTON } from '../../bench/lib/appSelectors.js';
import type { BuiltApp } from '../../bench/lib/buildApp.js';
import { buildBenchApp } from '../../bench/lib/buildBenchApp.js';
import { measureReload } from '../../bench/lib/measureReload.js';
import {
  measureRenewal,
  RENEWAL_TOKEN_LIFETIMES,
  type RenewalMetrics,
} from '../../bench/lib/measureRenewal.js';
import { measureSignIn } from '../../bench/lib/measureSignIn.js';
import { NetworkLog } from '../../bench/lib/NetworkLog.js';
import { sleep } from '../../bench/lib/sleep.js';
import { startBenchStack, type BenchStack } from '../../bench/lib/startBenchStack.js';
import { launchBrowser } from './support/launchBrowser.js';

/**
 * The exact request counts of issue 6, on the SDK's bench app (`bench/apps/sdk`, a production build) against the
 * emulator in headless Chromium — counted from the browser's request events on the emulator's origins and from the
 * emulator's own counters — and that a signed-out tab, alone or beside another, does not wait out its peers, on a
 * faked clock. No real time is asserted; `npm run bench` measures times against the baseline.
 */
describe('requests to Cognito made by the SDK (bench app)', () => {
  let work: string;
  let app: BuiltApp;
  let browser: Browser;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'react-cognito-sso-counts-'));
    app = await buildBenchApp('sdk', join(work, 'sdk'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe('signing in and reloading', () => {
    let stack: BenchStack;
    let context: BrowserContext;
    let log: NetworkLog;

    beforeAll(async () => {
      stack = await startBenchStack(app);
    });
    afterAll(async () => {
      await stack?.stop();
    });
    beforeEach(async () => {
      context = await browser.newContext();
      log = new NetworkLog(context, stack.cognitoOrigins);
    });
    afterEach(async () => {
      await context?.close();
    });

    it('signs in with nothing before the authorize redirect, then exactly one token request, no discovery, no userInfo, and one JWKS request started before the token response', async () => {
      const signIn = await measureSignIn(await context.newPage(), stack, log);

      expect(signIn.beforeRedirect).toBe(0);
      expect(signIn.beforeRedirectServer).toBe(0);
      expect(signIn.afterRedirect).toMatchObject({ token: 1, discovery: 0, userInfo: 0 });
      expect(signIn.afterRedirectServer).toMatchObject({ token: 1, discovery: 0, userInfo: 0 });
      expect(signIn.afterRedirect.jwks).toBeLessThanOrEqual(1);
      expect(signIn.afterRedirectServer.jwks).toBe(signIn.afterRedirect.jwks);
      expect(signIn.jwksBeforeTokenResponse).toBe(true);
    });

    /**
     * Opens the app's home page signed out, on the context's paused clock, and steps the page's time 1 ms at a time
     * until the "Sign in" button shows (at most 100 ms); returns the page time stepped, and whether "Loading…" is
     * still shown. The Web Lock and the tabs' messages travel in real time.
     */
    async function fakeMsToSignIn(): Promise<{ fakeMs: number; loading: boolean }> {
      const page = await context.newPage();
      await page.goto(`${stack.origin}/`);
      let fakeMs = 0;
      while (!(await page.locator(SIGN_IN_BUTTON).isVisible()) && fakeMs < 100) {
        await page.clock.runFor(1);
        fakeMs += 1;
        await sleep(10);
      }
      return { fakeMs, loading: await page.getByRole('status').isVisible() };
    }

    it('shows a lone signed-out tab "Sign in" once it leads, then a second tab on the first one\'s answer, without the 150 ms wait (faked clock)', async () => {
      await context.clock.install();
      await context.clock.pauseAt(Date.now() + 1_000);
      const first = await fakeMsToSignIn(); // it stays open and leads
      const second = await fakeMsToSignIn();
      expect(first.fakeMs).toBeLessThan(100); // the peers are given 150 ms of page time
      expect(second.fakeMs).toBeLessThan(100);
      expect([first.loading, second.loading]).toEqual([false, false]);
    });

    it('reloads with a valid session without any request to Cognito, signed in from the first render', async () => {
      const page = await context.newPage();
      await measureSignIn(page, stack, log);

      const reload = await measureReload(page, stack, log);

      expect(reload.cognitoRequests).toBe(0);
      expect(reload.cognitoRequestsServer).toBe(0);
      expect(reload.firstRenderSignedIn).toBe(true);
    });
  });

  describe('renewing', () => {
    let stack: BenchStack;
    let renewal: RenewalMetrics;

    beforeAll(async () => {
      stack = await startBenchStack(app, { tokenLifetimes: RENEWAL_TOKEN_LIFETIMES });
      renewal = await measureRenewal(browser, stack);
    });
    afterAll(async () => {
      await stack?.stop();
    });

    it('makes one token request per renewal with one tab', () => {
      expect(renewal.oneTab).toMatchObject({ tokenRequests: 1, tokenRequestsServer: 1 });
    });

    it('makes exactly one token request per renewal with three tabs sharing the session', () => {
      expect(renewal.threeTabs).toMatchObject({
        tabsNeedingSignIn: 0,
        tokenRequests: 1,
        tokenRequestsServer: 1,
      });
    });

    it('re-renders only the components that read the token', () => {
      expect(renewal.oneTab.renders).toMatchObject({ readers: TOKEN_READERS, nonReaders: 0, app: 0 });
    });
  });
});
