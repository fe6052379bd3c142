import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { launchBrowser } from './support/launchBrowser.js';
import { signIn } from './support/signIn.js';
import { startDemoStack } from './support/startDemoStack.js';
import type { DemoStack } from './support/startDemoStack.js';

describe('the admin-only Settings page', () => {
  let stack: DemoStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startDemoStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('tells a user outside the admin group they are unauthorised', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await signIn(page, stack, demoUser('alice'), '/settings');
      await page.getByRole('heading', { name: 'You are unauthorised to view this page' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Settings' }).count()).toBe(0);
      expect(await page.getByText(stack.emulator.issuer).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows Settings to a member of the admin group', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await signIn(page, stack, demoUser('admin'), '/settings');
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await page.getByText(stack.emulator.issuer).waitFor();
      expect(
        await page.getByRole('heading', { name: 'You are unauthorised to view this page' }).count(),
      ).toBe(0);
    } finally {
      await context.close();
    }
  });
});
