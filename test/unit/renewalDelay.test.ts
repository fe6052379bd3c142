import { describe, expect, it } from 'vitest';
import { renewalDelay } from '../../src/session/renewalDelay.js';

describe('renewalDelay', () => {
  it('renews renewBeforeExpirySeconds before expiry', () => {
    expect(renewalDelay(3600, 60)).toBe(3540_000);
  });

  it('waits at least half the remaining lifetime, so short-lived tokens cannot loop', () => {
    expect(renewalDelay(30, 60)).toBe(15_000);
    expect(renewalDelay(300, 3600)).toBe(150_000);
  });

  it('renews at once when the token has expired', () => {
    expect(renewalDelay(-10, 60)).toBe(0);
  });
});
