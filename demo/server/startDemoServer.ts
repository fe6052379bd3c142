import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiHandler } from './api/createApiHandler.js';
import { createStaticHandler } from './createStaticHandler.js';
import type { StaticHandler } from './createStaticHandler.js';
import { createViteDevServer } from './createViteDevServer.js';
import type { DemoAuthSettings } from './DemoAuthSettings.js';
import { DEMO_DIST_DIR } from './demoPaths.js';
import { domainOrigin } from './domainOrigin.js';
import { closeServer, listen } from './listen.js';
import { securityHeaders } from './securityHeaders.js';

/** How to run the demo web server. */
export interface DemoServerOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** `dev`: Vite's dev server (sources, live reload); `preview`: the production build in `distDir`. */
  mode: 'dev' | 'preview';
  /** The pool and app client the UI signs in against (served as `/api/v1/system/config/auth`). */
  auth: DemoAuthSettings;
  /** The production build to serve in `preview` mode (default: `demo/dist`). */
  distDir?: string;
}

/** A running demo server. */
export interface DemoServer {
  /** `http://localhost:{port}` — the app's origin (its callback URL is `${url}/callback`). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the demo: the OpenMetadata-style API under `/api/` and the SPA (every other path; unknown ones get
 * `index.html`), on 127.0.0.1 only, with the security headers on every response. Requests for another host
 * name (`127.0.0.1`, a rebound DNS name) are redirected to `http://localhost:{port}`, the origin the app
 * client's callback URL is registered for.
 *
 * @example
 * const demo = await startDemoServer({ port: 0, mode: 'preview', auth, distDir });
 * // … open `${demo.url}/explore` …
 * await demo.stop();
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const server = createServer();
  const vite = options.mode === 'dev' ? await createViteDevServer(server) : null;
  let port: number;
  try {
    port = await listen(server, options.port);
  } catch (error) {
    await vite?.close();
    throw error;
  }
  const origin = `http://localhost:${port}`;
  const headers = securityHeaders({
    connectOrigins: [
      new URL(options.auth.authority).origin,
      ...(options.auth.domain === undefined ? [] : [domainOrigin(options.auth.domain)]),
    ],
    ...(vite === null ? {} : { webSocketOrigin: `ws://localhost:${port}` }),
  });
  const api = createApiHandler(options.auth, origin);
  const app: StaticHandler =
    vite === null
      ? createStaticHandler(options.distDir ?? DEMO_DIST_DIR)
      : async (req, res) => vite.middlewares(req, res);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.headers.host !== `localhost:${port}`) {
      res.writeHead(308, { Location: `${origin}${req.url ?? '/'}` }).end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    await (req.url?.startsWith('/api/') ? api(req, res) : app(req, res));
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      console.error('demo server:', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal server error');
    });
  });

  return {
    url: origin,
    async stop() {
      await vite?.close();
      await closeServer(server);
    },
  };
}
