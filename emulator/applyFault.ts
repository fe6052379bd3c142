import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultableEndpoint } from './EmulatorControls.js';
import { answers, type FaultInjector } from './FaultInjector.js';

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Applies the next queued fault of `endpoint`, if any: waits `delayMs`, then drops the connection, sends
 * the fault's answer, or starts it and never finishes (`stall`). Returns true when the request is taken care of
 * (dropped, answered, stalled, or given up by the client during the delay), false when the endpoint should answer
 * normally.
 */
export async function applyFault(
  faults: FaultInjector,
  endpoint: FaultableEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const fault = faults.take(endpoint);
  if (fault === undefined) return false;
  if (fault.delayMs !== undefined && fault.delayMs > 0) await wait(fault.delayMs);
  if (req.destroyed || res.destroyed) return true;
  if (fault.drop === true) {
    req.socket.destroy();
    return true;
  }
  if (!answers(fault)) return false;
  const { status, body, contentType, stall } = fault;
  res.writeHead(status ?? (stall === true ? 200 : 500), {
    'content-type': contentType ?? 'application/json',
    'cache-control': 'no-store',
  });
  // A stalled answer stays open until the client gives up or the emulator stops (which closes every connection).
  if (stall === true) res.write(body ?? '{');
  else res.end(body ?? '');
  return true;
}
