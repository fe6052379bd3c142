import { describe, expect, it } from 'vitest';
import { measureBundles, SIZE_BUDGET, SIZE_TARGET } from '../../bench/bundleSize.js';

describe('size budget (gzip, minified, esbuild)', () => {
  it('keeps the whole sign-in stack within issue 6’s target, the regression budget and below the baseline', async () => {
    const { sdk, stack, stackWithBridge, baseline } = await measureBundles();
    // The stack holds oidc-client-ts (its OidcClient alone is about 10.6 KB gzip): a stack measured without it
    // would pass any budget.
    expect(stack.gzip - sdk.gzip).toBeGreaterThan(8 * 1024);
    expect(stack.gzip).toBeLessThanOrEqual(Math.min(SIZE_BUDGET.stack, SIZE_TARGET.stack));
    expect(stack.gzip).toBeLessThan(baseline.gzip);
    expect(stackWithBridge.gzip).toBeGreaterThan(stack.gzip);
  });

  it('keeps the SDK own code within the regression budget', async () => {
    const { sdk } = await measureBundles();
    expect(sdk.gzip).toBeGreaterThan(0);
    expect(sdk.gzip).toBeLessThanOrEqual(SIZE_BUDGET.sdk);
  });
});
