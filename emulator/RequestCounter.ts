import type { CountedEndpoint } from './EmulatorControls.js';

function zeroCounts(): Record<CountedEndpoint, number> {
  return { discovery: 0, jwks: 0, authorize: 0, login: 0, token: 0, userInfo: 0, revoke: 0, logout: 0 };
}

/** Counts requests per endpoint for {@link EmulatorControls.requestCounts}. */
export class RequestCounter {
  #counts = zeroCounts();

  /** Counts one request to `endpoint`. */
  count(endpoint: CountedEndpoint): void {
    this.#counts[endpoint] += 1;
  }

  /** A copy of the counts. */
  snapshot(): Record<CountedEndpoint, number> {
    return { ...this.#counts };
  }

  /** Sets every count to 0. */
  reset(): void {
    this.#counts = zeroCounts();
  }
}
