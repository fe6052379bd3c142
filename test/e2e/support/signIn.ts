import type { Page } from 'playwright-core';
import type { EmulatorUser } from 'react-cognito-sso/emulator';
import type { DemoStack } from './startDemoStack.js';

/** Types the credentials into the emulator's hosted-UI form (the page must show it) and submits. */
export async function submitHostedUiForm(
  page: Page,
  user: Pick<EmulatorUser, 'username' | 'password'>,
): Promise<void> {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Opens `path` signed out, which leads to the demo's sign-in page; clicks "Sign in with AWS Cognito" and waits
 * for the emulator's hosted UI.
 */
export async function openHostedUi(page: Page, stack: DemoStack, path: string): Promise<void> {
  await page.goto(`${stack.url}${path}`);
  await page.getByRole('button', { name: 'Sign in with AWS Cognito' }).click();
  await page.waitForURL((url) => url.origin === stack.emulator.domain);
}

/** Like {@link openHostedUi}, then signs in on the hosted UI and waits until the app is back on `path`. */
export async function signIn(page: Page, stack: DemoStack, user: EmulatorUser, path = '/'): Promise<void> {
  await openHostedUi(page, stack, path);
  await submitHostedUiForm(page, user);
  await page.waitForURL(`${stack.url}${path}`);
}
