/**
 * Calls `check` every 100 ms until it resolves to true; rejects naming `what` after `timeoutMs` (from Node, so it
 * works while the page's timers are faked by a Playwright clock).
 */
export async function pollUntil(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
