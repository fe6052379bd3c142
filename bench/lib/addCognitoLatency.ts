import type { BrowserContext } from 'playwright-core';
import { sleep } from './sleep.js';

/**
 * Delays every request of `context` to the given Cognito origins by `ms` before it is sent, to approximate the
 * round trip to a real Cognito region (the emulator answers on loopback in about a millisecond, which hides what a
 * saved round trip is worth). Routing turns off the context's HTTP cache: use a context that measures no reload.
 */
export async function addCognitoLatency(
  context: BrowserContext,
  cognitoOrigins: readonly string[],
  ms: number,
): Promise<void> {
  const origins = new Set(cognitoOrigins);
  await context.route(
    (url) => origins.has(url.origin),
    async (route) => {
      await sleep(ms);
      await route.continue();
    },
  );
}
