import { act } from '@testing-library/react';
import { vi } from 'vitest';

/** Advances vitest's fake timers (and `Date`, when faked) by `seconds`, inside `act`. */
export const advance = (seconds: number) => act(() => vi.advanceTimersByTimeAsync(seconds * 1000));

/** Lets one real macrotask run, inside `act`: WebCrypto and BroadcastChannel answer outside the faked timers. */
const realMacrotask = () => act(() => new Promise<void>((resolve) => setImmediate(resolve)));

/**
 * Retries `check` until it passes (at most 300 retries), running `between` before each retry (default: one real
 * macrotask).
 */
export async function until(
  check: () => void,
  between: () => Promise<unknown> = realMacrotask,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return check();
    } catch (error) {
      if (attempt >= 300) throw error;
      await between();
    }
  }
}
