import { act } from '@testing-library/react';
import { vi } from 'vitest';

/** Fakes `Date` and every timer the SDK sets (`setTimeout`, `setInterval`); promises, WebCrypto and messages stay real. */
export const fakeClock = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

/** Advances vitest's fake timers (and `Date`, when faked) by `seconds`, inside `act`. */
export const advance = (seconds: number) => act(() => vi.advanceTimersByTimeAsync(seconds * 1000));

/** Lets one real macrotask run, inside `act`: WebCrypto and BroadcastChannel answer outside the faked timers. */
export const realMacrotask = () => act(() => new Promise<void>((resolve) => setImmediate(resolve)));

/** Real elapsed milliseconds (`process.hrtime`, which the fake timers here leave alone). */
const realMs = (): number => Number(process.hrtime.bigint() / 1_000_000n);

/**
 * Retries `check` until it passes — for at most 3 s of real time, so a slow or busy machine gets the same chance —
 * running `between` before each retry (default: one real macrotask).
 */
export async function until(
  check: () => void,
  between: () => Promise<unknown> = realMacrotask,
): Promise<void> {
  const deadline = realMs() + 3_000;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (realMs() > deadline) throw error;
      await between();
    }
  }
}

/** A gate a test opens: `released` resolves once `release()` is called (e.g. to hold back a faked answer). */
export function gate(): { release: () => void; released: Promise<void> } {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { release, released };
}
