/**
 * The emulator's notion of "now": a time source (default: `Date.now`) plus an adjustable offset, used for
 * token `iat`/`exp` and for code, session and refresh-token expiry.
 *
 * @example
 * ```ts
 * const clock = new Clock(() => 1_700_000_000_000);
 * clock.setOffsetSeconds(600);
 * clock.nowSeconds(); // 1700000600
 * ```
 */
export class Clock {
  readonly #source: () => number;
  #offsetMs = 0;

  /** @param source - epoch milliseconds (default: `Date.now`). */
  constructor(source: () => number = Date.now) {
    this.#source = source;
  }

  /** Current emulator time in epoch milliseconds. */
  nowMs(): number {
    return this.#source() + this.#offsetMs;
  }

  /** Current emulator time in whole epoch seconds (the unit of JWT time claims). */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Sets the offset added to the time source; throws a RangeError unless `seconds` is finite. */
  setOffsetSeconds(seconds: number): void {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
      throw new RangeError('setClockOffsetSeconds: seconds must be a finite number');
    }
    this.#offsetMs = seconds * 1000;
  }
}
