import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { signIn } from './support/signIn.js';
import { useDemoStack } from './support/useDemoStack.js';

const LIFETIME_SECONDS = 15;

describe('a session with short-lived tokens', () => {
  const demo = useDemoStack({
    tokenLifetimes: { idTokenSeconds: LIFETIME_SECONDS, accessTokenSeconds: LIFETIME_SECONDS },
  });

  it('renews in the background, so API calls after the first tokens expired still succeed', async () => {
    const page = await demo.context.newPage();
    const calls: { token: string; status: number }[] = [];
    page.on('response', (response) => {
      if (!response.url().startsWith(`${demo.stack.url}/api/v1/tables`)) return;
      const token = /^Bearer (.+)$/.exec(response.request().headers()['authorization'] ?? '')?.[1] ?? '';
      calls.push({ token, status: response.status() });
    });

    await signIn(page, demo.stack, demoUser('alice'));
    await page.getByRole('link', { name: 'dim_product' }).waitFor();
    const firstToken = calls[0]?.token ?? '';
    const firstExpiry = decodeJwt(firstToken).exp ?? 0;

    await expect
      .poll(() => demo.stack.emulator.controls.requestCounts().token, { timeout: LIFETIME_SECONDS * 1000 })
      .toBeGreaterThan(1);
    await expect
      .poll(() => Date.now() / 1000 > firstExpiry + 1, {
        timeout: (LIFETIME_SECONDS + 5) * 1000,
        interval: 500,
      })
      .toBe(true);

    await page.getByRole('link', { name: 'Explore' }).click();
    await page.getByRole('heading', { name: '7 results' }).waitFor();

    const last = calls.at(-1);
    expect(last?.status).toBe(200);
    expect(last?.token).not.toBe(firstToken);
    expect(decodeJwt(last?.token ?? '').exp ?? 0).toBeGreaterThan(firstExpiry);
    expect(calls.every((call) => call.status === 200)).toBe(true);
    const stale = await fetch(`${demo.stack.url}/api/v1/tables`, {
      headers: { Authorization: `Bearer ${firstToken}` },
    });
    expect(stale.status).toBe(401);
    expect(demo.stack.emulator.controls.requestCounts().authorize).toBe(1);
  });
});
