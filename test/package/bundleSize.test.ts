import { beforeAll, describe, expect, it } from 'vitest';
import { measureBundles, SIZE_BUDGET, SIZE_TARGET, type BundleSizes } from '../../bench/bundleSize.js';

let sizes: BundleSizes;
beforeAll(async () => {
  sizes = await measureBundles();
});

describe('size budget (gzip, minified, esbuild)', () => {
  it("measures the SDK's own code as its own files only, and the stack with oidc-client-ts in it", () => {
    expect(sizes.sdk.files.filter(({ path }) => !path.startsWith('src/'))).toEqual([]);
    expect(sizes.sdk.files.map(({ path }) => path)).toContain('src/session/Session.ts');
    // OidcClient alone is about 10.6 KB gzip: a stack measured without it would pass any budget.
    expect(sizes.stack.gzip - sizes.sdk.gzip).toBeGreaterThan(8 * 1024);
  });

  it('keeps the whole sign-in stack within the regression budget, below issue 6’s target', () => {
    expect(SIZE_BUDGET.stack).toBeLessThanOrEqual(SIZE_TARGET.stack);
    expect(sizes.stack.gzip).toBeLessThanOrEqual(SIZE_BUDGET.stack);
  });

  it('keeps the SDK own code and what the opt-in react-oidc-context bridge adds within the regression budget', () => {
    expect(sizes.sdk.gzip).toBeLessThanOrEqual(SIZE_BUDGET.sdk);
    // The bridge is about 1.5 KB gzip: a stack measured without it would pass any budget.
    expect(sizes.stackWithBridge.gzip - sizes.stack.gzip).toBeGreaterThan(1024);
    expect(sizes.stackWithBridge.gzip - sizes.stack.gzip).toBeLessThanOrEqual(SIZE_BUDGET.bridge);
  });
});
