import { describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { signIn } from './support/signIn.js';
import { useDemoStack } from './support/useDemoStack.js';

describe('the admin-only Settings page', () => {
  const demo = useDemoStack();

  it('tells a user outside the admin group they are unauthorised', async () => {
    const page = await demo.context.newPage();
    await signIn(page, demo.stack, demoUser('alice'), '/settings');
    await page.getByRole('heading', { name: 'You are unauthorised to view this page' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Settings' }).count()).toBe(0);
    expect(await page.getByText(demo.stack.emulator.issuer).count()).toBe(0);
  });

  it('shows Settings to a member of the admin group', async () => {
    const page = await demo.context.newPage();
    await signIn(page, demo.stack, demoUser('admin'), '/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByText(demo.stack.emulator.issuer).waitFor();
    expect(await page.getByRole('heading', { name: 'You are unauthorised to view this page' }).count()).toBe(
      0,
    );
  });
});
