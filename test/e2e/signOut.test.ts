import { describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { signIn } from './support/signIn.js';
import { useDemoStack } from './support/useDemoStack.js';

const PROTECTED_TEXT = 'sample_data.ecommerce_db.shopify.orders';

describe('signing out of the demo', () => {
  const demo = useDemoStack();

  it('follows Cognito’s logout to the sign-in page, needs the form again, and shows no protected data on Back', async () => {
    const page = await demo.context.newPage();
    await signIn(page, demo.stack, demoUser('alice'), '/explore?q=orders');
    await page.getByText(PROTECTED_TEXT).waitFor();
    const navigations: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame())
        navigations.push(request.url());
    });
    demo.stack.emulator.controls.resetRequestCounts();

    await page.getByRole('button', { name: 'Account: alice' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${demo.stack.url}/signin?redirect=%2F`);
    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).waitFor();

    const logout = new URL(
      navigations.find((url) => url.startsWith(`${demo.stack.emulator.domain}/logout`)) ?? 'about:blank',
    );
    expect(logout.searchParams.get('client_id')).toBe(demo.stack.emulator.clients[0]?.clientId);
    expect(logout.searchParams.get('logout_uri')).toBe(`${demo.stack.url}/`);
    const counts = demo.stack.emulator.controls.requestCounts();
    expect([counts.revoke, counts.logout]).toEqual([1, 1]);

    await page.goBack();
    expect(page.url()).toBe(`${demo.stack.url}/signin?redirect=${encodeURIComponent('/explore?q=orders')}`);
    expect(await page.getByText(PROTECTED_TEXT).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).waitFor();
    expect(await page.getByText(PROTECTED_TEXT).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).click();
    await page.waitForURL((url) => url.origin === demo.stack.emulator.domain);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
  });

  it('signs every tab out when one tab signs out', async () => {
    const first = await demo.context.newPage();
    await signIn(first, demo.stack, demoUser('alice'), '/explore?q=orders');
    const tokenRequests = demo.stack.emulator.controls.requestCounts().token;

    const second = await demo.context.newPage();
    await second.goto(`${demo.stack.url}/profile`);
    await second.getByRole('heading', { name: 'alice', level: 1 }).waitFor();
    expect(demo.stack.emulator.controls.requestCounts().token).toBe(tokenRequests);

    await first.bringToFront();
    await first.getByRole('button', { name: 'Account: alice' }).click();
    await first.getByRole('button', { name: 'Sign out' }).click();

    await second.getByRole('button', { name: 'Sign in with AWS Cognito' }).waitFor();
    expect(new URL(second.url()).pathname).toBe('/signin');
    expect(await second.getByRole('heading', { name: 'alice' }).count()).toBe(0);
    expect(await second.getByText('alice@example.com').count()).toBe(0);
  });
});
