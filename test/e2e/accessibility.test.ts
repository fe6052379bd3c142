import { describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { findSeriousA11yViolations } from './support/findSeriousA11yViolations.js';
import { signIn } from './support/signIn.js';
import { useDemoStack } from './support/useDemoStack.js';

describe('accessibility of the demo (axe-core, WCAG 2.1 AA)', () => {
  // axe is injected as an inline script, which the demo's Content-Security-Policy rightly blocks.
  const demo = useDemoStack({ contextOptions: { bypassCSP: true } });

  it('has no serious violations on the sign-in page', async () => {
    const page = await demo.context.newPage();
    await page.goto(`${demo.stack.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('has no serious violations on the callback error page', async () => {
    const page = await demo.context.newPage();
    await page.goto(`${demo.stack.url}/callback?error=access_denied&error_description=Denied`);
    await page.getByRole('button', { name: 'Sign in again' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
  });

  it('has no serious violations on the signed-in pages, with the avatar menu open', async () => {
    const page = await demo.context.newPage();
    await signIn(page, demo.stack, demoUser('alice'));
    await page.getByRole('link', { name: 'dim_product' }).waitFor();
    await page.getByText('Welcome back, alice.').waitFor();
    await page.getByRole('button', { name: 'Account: alice' }).click();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    for (const [path, ready] of [
      ['/explore?q=orders', '3 results for “orders”'],
      ['/profile', 'ID token'],
      ['/settings', 'You are unauthorised to view this page'],
    ] as const) {
      await page.goto(`${demo.stack.url}${path}`);
      await page.getByRole('heading', { name: ready }).waitFor();
      expect(await findSeriousA11yViolations(page), path).toEqual([]);
    }
  });
});
