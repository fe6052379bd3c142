import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../bench/lib/buildApp.js';
import { pollUntil } from '../../bench/lib/pollUntil.js';
import { startBenchStack, type BenchStack } from '../../bench/lib/startBenchStack.js';
import { launchBrowser } from './support/launchBrowser.js';
import { submitHostedUiForm } from './support/signIn.js';

let distDir: string;
let stack: BenchStack;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'react-cognito-sso-multitab-'));
  stack = await startBenchStack(await buildApp(new URL('./fixtures/multiTab/', import.meta.url), distDir), {
    // 62 s tokens renewed 60 s before expiry (the default): a renewal every ~2 s
    tokenLifetimes: { idTokenSeconds: 62, accessTokenSeconds: 62 },
    refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 0 },
  });
  browser = await launchBrowser();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await rm(distDir, { recursive: true, force: true });
});

const text = (page: Page, id: string) => page.getByTestId(id).textContent();

/** Opens a new tab of the app in the shared context. */
async function openTab(): Promise<Page> {
  context ??= await browser.newContext();
  const page = await context.newPage();
  await page.goto(stack.origin);
  await page.getByTestId('status').waitFor();
  return page;
}

/** Signs in through the hosted UI in `page` and waits until it is back in the app, signed in. */
async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start sign-in' }).click();
  await page.waitForURL((url) => url.origin === stack.emulator.domain);
  await submitHostedUiForm(page, stack.user);
  await page.waitForURL(`${stack.origin}/`);
  await expectStatus(page, 'authenticated');
}

const expectStatus = (page: Page, status: string) =>
  page.waitForFunction(
    (want) => document.querySelector('[data-testid="status"]')?.textContent === want,
    status,
  );

const tokensOf = (page: Page) => page.evaluate(() => window.__accessTokens ?? []);

/** Polls (10 s at most) until every tab holds the same access token, other than `previous`; returns it. */
async function nextCommonToken(pages: Page[], previous: string | null): Promise<string> {
  let common: string | undefined;
  await pollUntil(
    async () => {
      const last = (await Promise.all(pages.map(tokensOf))).map((tokens) => tokens.at(-1));
      common =
        last[0] !== undefined && last[0] !== previous && last.every((token) => token === last[0])
          ? last[0]
          : undefined;
      return common !== undefined;
    },
    'every tab to hold the same new access token',
    10_000,
  );
  if (common === undefined) throw new Error('pollUntil resolved without a common token');
  return common;
}

describe('one session across real Chromium tabs (BroadcastChannel + Web Locks)', () => {
  it('tabs-sign-out: signing out in one tab signs the other tab out', async () => {
    const first = await openTab();
    await signIn(first);
    const second = await openTab();
    await expectStatus(second, 'authenticated');
    expect(await text(second, 'user')).toBe('alice');
    await first.getByRole('button', { name: 'Sign out' }).click();
    await expectStatus(second, 'unauthenticated');
    expect(await text(second, 'error')).toBe('session');
    await first.waitForURL(`${stack.origin}/`);
    await expectStatus(first, 'unauthenticated');
  });

  it('tabs-sign-in: signing in in one tab signs the other tab in', async () => {
    const waiting = await openTab();
    await expectStatus(waiting, 'unauthenticated');
    const signing = await openTab();
    await signIn(signing);
    await expectStatus(waiting, 'authenticated');
    expect(await text(waiting, 'user')).toBe('alice');
  });

  it('tabs-one-request-per-renewal: 3 tabs × 5 renewals with rotation (grace 0) → exactly 5 token requests, no tab signed out', async () => {
    const first = await openTab();
    await signIn(first);
    const tabs = [first, await openTab(), await openTab()];
    await Promise.all(tabs.map((tab) => expectStatus(tab, 'authenticated')));
    // Start counting right after a renewal every tab received: the next one is ~2 s away.
    const start = await nextCommonToken(tabs, await nextCommonToken(tabs, null));
    stack.emulator.controls.resetRequestCounts();
    let token = start;
    const renewed: string[] = [];
    for (let renewal = 1; renewal <= 5; renewal++) {
      token = await nextCommonToken(tabs, token);
      renewed.push(token);
    }
    expect(stack.emulator.controls.requestCounts().token).toBe(5);
    expect(new Set(renewed).size).toBe(5); // rotation: every renewal a new token
    for (const tab of tabs) {
      // Since `start`, the tab held exactly the 5 shared tokens, in order: none of its own, none skipped.
      const held = await tokensOf(tab);
      expect(held.slice(held.indexOf(start) + 1)).toEqual(renewed);
      expect(await text(tab, 'status')).toBe('authenticated');
      expect(await text(tab, 'error')).toBe('none');
    }
  });
});
