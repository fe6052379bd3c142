import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeServer, listen } from '../../demo/server/listen.js';

/** A handler served on a free 127.0.0.1 port, and how to stop it. */
export interface LoopbackServer {
  port: number;
  /** Closes the server and every connection still open on it. */
  close(): Promise<void>;
}

/** Serves `handle` on a free 127.0.0.1 port, as the demo server mounts its handlers. */
export async function serveOnLoopback(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LoopbackServer> {
  const server = createServer((req, res) => void handle(req, res));
  const port = await listen(server, 0);
  return { port, close: () => closeServer(server) };
}
