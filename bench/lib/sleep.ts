/** Resolves after `ms` of Node's real time (unaffected by a Playwright clock faking the page's timers). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
