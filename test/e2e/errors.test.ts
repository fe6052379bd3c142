import { describe, expect, it } from 'vitest';
import { demoUser } from './support/demoUser.js';
import { openHostedUi, submitHostedUiForm } from './support/signIn.js';
import { useDemoStack } from './support/useDemoStack.js';

describe('sign-in failures in the demo', () => {
  const demo = useDemoStack();

  it('keeps a wrong password on the hosted-UI form, with no code issued', async () => {
    const page = await demo.context.newPage();
    await openHostedUi(page, demo.stack, '/signin');

    await submitHostedUiForm(page, { username: 'alice', password: `${demoUser('alice').password}-wrong` });

    await page.getByRole('alert').filter({ hasText: 'Incorrect username or password.' }).waitFor();
    expect(new URL(page.url()).origin).toBe(demo.stack.emulator.domain);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    expect(demo.stack.emulator.controls.requestCounts().token).toBe(0);
  });

  it('shows Cognito’s error=access_denied as text with "Sign in again", which starts a new sign-in', async () => {
    const page = await demo.context.newPage();
    await openHostedUi(page, demo.stack, '/signin');
    const state = new URL(page.url()).searchParams.get('state') ?? '';
    expect(state).not.toBe('');
    const description = 'User <b>cancelled</b> the sign-in';

    await page.goto(
      `${demo.stack.url}/callback?error=access_denied&error_description=${encodeURIComponent(description)}&state=${state}`,
    );

    await page.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(description);
    expect(await page.locator('main b').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    expect(demo.stack.emulator.controls.requestCounts().token).toBe(0);

    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.waitForURL((url) => url.origin === demo.stack.emulator.domain);
    expect(await page.getByLabel('Username').isVisible()).toBe(true);
  });

  it('explains a callback reached without a sign-in in progress, with "Sign in again"', async () => {
    const page = await demo.context.newPage();
    await page.goto(`${demo.stack.url}/callback?error=access_denied&error_description=Denied`);

    await page.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    const alert = page.getByRole('alert');
    expect(await alert.locator('.error-message').innerText()).toBe(
      'No sign-in in progress (page reloaded?) — sign in again.',
    );
    expect(await alert.getByRole('button', { name: 'Sign in again' }).count()).toBe(1);
    expect(demo.stack.emulator.controls.requestCounts().token).toBe(0);

    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.waitForURL((url) => url.origin === demo.stack.emulator.domain);
    expect(await page.getByLabel('Username').isVisible()).toBe(true);
  });
});
