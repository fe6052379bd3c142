import type { Page } from 'playwright-core';
import type { BenchProbe, BenchRenders } from '../apps/shared/benchProbe.js';

/** What a bench app page has recorded so far (see `bench/apps/shared/benchProbe.ts`). */
export interface ProbeReading extends BenchProbe {
  renders: BenchRenders;
}

/** Reads the bench app's render counts and measurements from the page. */
export function readProbe(page: Page): Promise<ProbeReading> {
  return page.evaluate(() => ({
    renders: { ...(window.__renders ?? { app: 0, readers: 0, nonReaders: 0 }) },
    ...(window.__bench ?? { commits: [], signedInAt: null, signedOutAt: null, tokenGeneration: 0 }),
  }));
}
