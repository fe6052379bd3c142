import { describe, expect, it } from 'vitest';
import { measureBundles, SIZE_BUDGET } from '../../bench/bundleSize.js';

describe('size budget (gzip, minified, esbuild)', () => {
  it('keeps the SDK own code and the whole sign-in stack within the regression budget', async () => {
    const { sdk, stack, baseline } = await measureBundles();
    expect(sdk.gzip).toBeGreaterThan(0);
    expect(sdk.gzip).toBeLessThanOrEqual(SIZE_BUDGET.sdk);
    expect(stack.gzip).toBeLessThanOrEqual(SIZE_BUDGET.stack);
    expect(stack.gzip).toBeGreaterThan(baseline.gzip);
  });
});
