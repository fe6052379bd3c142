import type { Fault, FaultableEndpoint } from './EmulatorControls.js';

const ENDPOINTS: readonly FaultableEndpoint[] = ['token', 'revoke', 'jwks', 'userInfo'];

/** Queues of pending faults per endpoint, for {@link EmulatorControls.failNext}. */
export class FaultInjector {
  readonly #queues = new Map<FaultableEndpoint, Fault[]>();

  /** Queues `fault` for the next `count` calls of `endpoint`; `count` 0 clears the queue. Throws a RangeError on bad input. */
  failNext(endpoint: FaultableEndpoint, count: number, fault: Fault): void {
    if (!ENDPOINTS.includes(endpoint))
      throw new RangeError(`failNext: endpoint must be one of ${ENDPOINTS.join(', ')}`);
    if (!Number.isInteger(count) || count < 0) throw new RangeError('failNext: count must be an integer ≥ 0');
    validateFault(fault);
    if (count === 0) {
      this.#queues.delete(endpoint);
      return;
    }
    const queue = this.#queues.get(endpoint) ?? [];
    for (let i = 0; i < count; i += 1) queue.push({ ...fault });
    this.#queues.set(endpoint, queue);
  }

  /** Removes and returns the next fault of `endpoint`, if any. */
  take(endpoint: FaultableEndpoint): Fault | undefined {
    return this.#queues.get(endpoint)?.shift();
  }
}

/** The fault answers the call itself (a status, body, content type, or a stalled answer), rather than delaying it. */
export const answers = ({ status, body, contentType, stall }: Fault): boolean =>
  status !== undefined || body !== undefined || contentType !== undefined || stall === true;

function validateFault(fault: Fault): void {
  if (typeof fault !== 'object' || fault === null) throw new RangeError('failNext: fault must be an object');
  const { status, body, contentType, delayMs, drop, stall } = fault;
  if (status !== undefined && (!Number.isInteger(status) || status < 200 || status > 599)) {
    throw new RangeError('failNext: fault.status must be an HTTP status from 200 to 599');
  }
  if (body !== undefined && typeof body !== 'string')
    throw new RangeError('failNext: fault.body must be a string');
  if (contentType !== undefined && (typeof contentType !== 'string' || /[\r\n]/.test(contentType))) {
    throw new RangeError('failNext: fault.contentType must be a header value');
  }
  if (delayMs !== undefined && (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 600_000)) {
    throw new RangeError('failNext: fault.delayMs must be an integer from 0 to 600000');
  }
  if (drop !== undefined && typeof drop !== 'boolean')
    throw new RangeError('failNext: fault.drop must be a boolean');
  if (stall !== undefined && typeof stall !== 'boolean')
    throw new RangeError('failNext: fault.stall must be a boolean');
  if (drop === true && answers(fault))
    throw new RangeError('failNext: a dropped call cannot also have a status, body, contentType or stall');
  if (!answers(fault) && drop !== true && delayMs === undefined) {
    throw new RangeError('failNext: fault needs a status, body, delayMs, drop or stall');
  }
}
