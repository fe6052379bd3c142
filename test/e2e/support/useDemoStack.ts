import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import type { EmulatorOptions } from 'react-cognito-sso/emulator';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from './launchBrowser.js';
import { startDemoStack } from './startDemoStack.js';
import type { DemoStack } from './startDemoStack.js';

/** What the tests of a `describe` that called {@link useDemoStack} use; read inside tests only. */
export interface DemoStackFixture {
  /** The demo and its emulator, started once for the `describe`. */
  readonly stack: DemoStack;
  /** A fresh browser context (empty storage and cookies) for the current test. */
  readonly context: BrowserContext;
}

/**
 * Registers the hooks of a demo e2e `describe`: before all its tests, the demo stack (see {@link startDemoStack})
 * and headless Chromium; before each test, a new browser context and the emulator's request counts at zero;
 * afterwards everything is closed and stopped.
 *
 * @example
 * describe('signing in', () => {
 *   const demo = useDemoStack();
 *   it('…', async () => {
 *     const page = await demo.context.newPage();
 *     await page.goto(demo.stack.url);
 *   });
 * });
 */
export function useDemoStack(
  options: Pick<EmulatorOptions, 'tokenLifetimes'> & { contextOptions?: BrowserContextOptions } = {},
): DemoStackFixture {
  const { contextOptions, ...stackOptions } = options;
  let stack: DemoStack;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    stack = await startDemoStack(stackOptions);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext(contextOptions);
    stack.emulator.controls.resetRequestCounts();
  });
  afterEach(async () => {
    await context?.close();
  });

  return {
    get stack() {
      return stack;
    },
    get context() {
      return context;
    },
  };
}
