import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { launchBrowser } from './support/launchBrowser.js';
import { signIn } from './support/signIn.js';
import { startDemoStack } from './support/startDemoStack.js';
import type { DemoStack } from './support/startDemoStack.js';

const PROTECTED_TEXT = 'sample_data.ecommerce_db.shopify.orders';

describe('signing out of the demo', () => {
  let stack: DemoStack;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    stack = await startDemoStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
  });

  it('follows Cognito’s logout to the sign-in page, needs the form again, and shows no protected data on Back', async () => {
    const page = await context.newPage();
    await signIn(page, stack, demoUser('alice'), '/explore?q=orders');
    await page.getByText(PROTECTED_TEXT).waitFor();
    const navigations: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame())
        navigations.push(request.url());
    });
    stack.emulator.controls.resetRequestCounts();

    await page.getByRole('button', { name: 'Account: alice' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${stack.url}/signin?redirect=%2F`);
    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).waitFor();

    const logout = new URL(
      navigations.find((url) => url.startsWith(`${stack.emulator.domain}/logout`)) ?? 'about:blank',
    );
    expect(logout.searchParams.get('client_id')).toBe(stack.emulator.clients[0]?.clientId);
    expect(logout.searchParams.get('logout_uri')).toBe(`${stack.url}/`);
    const counts = stack.emulator.controls.requestCounts();
    expect([counts.revoke, counts.logout]).toEqual([1, 1]);

    await page.goBack();
    expect(page.url()).toBe(`${stack.url}/signin?redirect=${encodeURIComponent('/explore?q=orders')}`);
    expect(await page.getByText(PROTECTED_TEXT).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).waitFor();
    expect(await page.getByText(PROTECTED_TEXT).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).click();
    await page.waitForURL((url) => url.origin === stack.emulator.domain);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
  });

  it('signs every tab out when one tab signs out', async () => {
    const first = await context.newPage();
    await signIn(first, stack, demoUser('alice'), '/explore?q=orders');
    const tokenRequests = stack.emulator.controls.requestCounts().token;

    const second = await context.newPage();
    await second.goto(`${stack.url}/profile`);
    await second.getByRole('heading', { name: 'alice', level: 1 }).waitFor();
    expect(stack.emulator.controls.requestCounts().token).toBe(tokenRequests);

    await first.bringToFront();
    await first.getByRole('button', { name: 'Account: alice' }).click();
    await first.getByRole('button', { name: 'Sign out' }).click();

    await second.getByRole('button', { name: 'Sign in with AWS Cognito' }).waitFor();
    expect(new URL(second.url()).pathname).toBe('/signin');
    expect(await second.getByRole('heading', { name: 'alice' }).count()).toBe(0);
    expect(await second.getByText('alice@example.com').count()).toBe(0);
  });
});
