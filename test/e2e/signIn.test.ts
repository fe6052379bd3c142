import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { signIn, submitHostedUiForm } from './support/signIn.js';
import { useDemoStack } from './support/useDemoStack.js';

describe('signing in to the demo', () => {
  const demo = useDemoStack();

  it('takes a signed-out deep link through the hosted UI and back to it, with the catalog loaded through the API and no third-party request, /callback included', async () => {
    const page = await demo.context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    const apiStatuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${demo.stack.url}/api/v1/tables`)) apiStatuses.push(response.status());
    });

    const firstParty = new Set([
      new URL(demo.stack.url).origin,
      demo.stack.emulator.issuerOrigin,
      demo.stack.emulator.domain,
    ]);
    const thirdPartyRequests: string[] = [];
    const callbackHeaders: Record<string, string>[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && !firstParty.has(url.origin))
        thirdPartyRequests.push(request.url());
    });
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && new URL(response.url()).pathname === '/callback') {
        callbackHeaders.push(response.headers());
      }
    });

    const landing = await page.goto(`${demo.stack.url}/explore?q=orders`);
    expect(landing?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(landing?.headers()['referrer-policy']).toBe('no-referrer');
    await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).click();
    await page.waitForURL((url) => url.origin === demo.stack.emulator.domain);
    await submitHostedUiForm(page, demoUser('alice'));

    await page.waitForURL(`${demo.stack.url}/explore?q=orders`);
    await page.getByRole('heading', { name: '3 results for “orders”' }).waitFor();
    for (const name of ['orders', 'order_items', 'fact_orders_daily']) {
      expect(await page.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('link', { name: 'dim_product' }).count()).toBe(0);
    expect(apiStatuses).toContain(200);
    expect(demo.stack.emulator.controls.requestCounts().token).toBe(1);
    expect(cspViolations).toEqual([]);
    expect(thirdPartyRequests).toEqual([]);
    expect(callbackHeaders).toHaveLength(1);
    expect(callbackHeaders[0]?.['referrer-policy']).toBe('no-referrer');

    await page.getByRole('link', { name: 'My Data' }).click();
    await page.getByText('Welcome back, alice.').waitFor();
    await page.getByRole('link', { name: 'dim_product' }).waitFor();
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/demo-home.png', fullPage: true });
  });

  it('stays signed in across a reload without a single request to either emulator origin', async () => {
    const page = await demo.context.newPage();
    await signIn(page, demo.stack, demoUser('admin'), '/explore?q=customers');
    await page.getByRole('link', { name: 'customers', exact: true }).waitFor();

    const emulatorOrigins = new Set([demo.stack.emulator.issuerOrigin, demo.stack.emulator.domain]);
    const emulatorRequests: string[] = [];
    page.on('request', (request) => {
      if (emulatorOrigins.has(new URL(request.url()).origin)) emulatorRequests.push(request.url());
    });
    demo.stack.emulator.controls.resetRequestCounts();

    await page.reload();
    await page.getByRole('link', { name: 'customers', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Account: admin' }).waitFor();

    expect(page.url()).toBe(`${demo.stack.url}/explore?q=customers`);
    expect(emulatorRequests).toEqual([]);
    const counts = demo.stack.emulator.controls.requestCounts();
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((endpoint) => [endpoint, 0])));
  });
});
