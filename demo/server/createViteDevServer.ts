import type { Server } from 'node:http';
import type { ViteDevServer } from 'vite';
import { DEMO_VITE_CONFIG } from './demoPaths.js';

/**
 * Vite's dev server for the demo as middleware of `server` (its live-reload WebSocket shares the port). Vite is
 * loaded only here, so preview mode never imports it.
 */
export async function createViteDevServer(server: Server): Promise<ViteDevServer> {
  const { createServer } = await import('vite');
  return createServer({
    configFile: DEMO_VITE_CONFIG,
    appType: 'spa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: { server } },
  });
}
