import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultableEndpoint } from './EmulatorControls.js';
import type { FaultInjector } from './FaultInjector.js';

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Applies the next queued fault of `endpoint`, if any: waits `delayMs`, then drops the connection or sends
 * the fault's answer. Returns true when the request is finished (dropped, answered, or given up by the
 * client during the delay), false when the endpoint should answer normally.
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
  if (fault.status === undefined && fault.body === undefined && fault.contentType === undefined) return false;
  res.writeHead(fault.status ?? 500, {
    'content-type': fault.contentType ?? 'application/json',
    'cache-control': 'no-store',
  });
  res.end(fault.body ?? '');
  return true;
}
