import type { Server } from 'node:http';

/** The loopback address every demo server binds to. */
export const LOOPBACK = '127.0.0.1';

/**
 * Starts `server` listening on `127.0.0.1:port` (0 = a free port) and resolves the port it got.
 * A taken port rejects with a message that says so, instead of Node's bare `EADDRINUSE`.
 */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${LOOPBACK} is already in use: stop what is listening there, then try again.`,
              {
                cause: error,
              },
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('the server has no TCP address'));
      else resolve(address.port);
    });
  });
}

/** Closes `server` and every connection still open on it (keep-alive ones included), then resolves. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
