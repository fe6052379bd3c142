import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { findSeriousA11yViolations } from './support/findSeriousA11yViolations.js';
import { launchBrowser } from './support/launchBrowser.js';
import { signIn } from './support/signIn.js';
import { startDemoStack } from './support/startDemoStack.js';
import type { DemoStack } from './support/startDemoStack.js';

describe('accessibility of the demo (axe-core, WCAG 2.1 AA)', () => {
  let stack: DemoStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startDemoStack();
    browser = await launchBrowser();
    // axe is injected as an inline script, which the demo's Content-Security-Policy rightly blocks.
    context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('has no serious violations on the sign-in page', async () => {
    await page.goto(`${stack.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('has no serious violations on the callback error page', async () => {
    await page.goto(`${stack.url}/callback?error=access_denied&error_description=Denied`);
    await page.getByRole('button', { name: 'Sign in again' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('has no serious violations on the signed-in pages, with the avatar menu open', async () => {
    await signIn(page, stack, demoUser('alice'));
    await page.getByRole('link', { name: 'dim_product' }).waitFor();
    await page.getByText('Welcome back, alice.').waitFor();
    await page.getByRole('button', { name: 'Account: alice' }).click();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    for (const [path, ready] of [
      ['/explore?q=orders', '3 results for “orders”'],
      ['/profile', 'ID token'],
      ['/settings', 'You are unauthorised to view this page'],
    ] as const) {
      await page.goto(`${stack.url}${path}`);
      await page.getByRole('heading', { name: ready }).waitFor();
      expect(await findSeriousA11yViolations(page), path).toEqual([]);
    }
  });
});
