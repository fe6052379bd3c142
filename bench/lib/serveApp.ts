import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { createStaticHandler } from '../../demo/server/createStaticHandler.js';
import { closeServer, listen } from '../../demo/server/listen.js';
import type { BenchAppConfig } from '../apps/shared/BenchAppConfig.js';

/** A running static server for one built bench app. */
export interface AppServer {
  /** The app's origin, `http://localhost:{port}`. */
  origin: string;
  /** Sets the pool configuration written into every `index.html` served from now on. */
  setConfig(config: BenchAppConfig): void;
  stop(): Promise<void>;
}

/**
 * Serves a built bench app on a free port of 127.0.0.1 (origin `http://localhost:{port}`) with the demo's static
 * handler (hashed assets cached for a year), except that `index.html` — for `/index.html` and every path without
 * a file extension (the SPA's routes) — has `window.__BENCH_CONFIG__` written in as an inline script, so that one
 * build serves every emulator run.
 */
export async function serveApp(distDir: string): Promise<AppServer> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  let page = html;
  const files = createStaticHandler(distDir);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const isPage = path === '/index.html' || extname(path) === '';
    if (isPage && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : page);
    } else {
      files(req, res).catch(() => res.destroy());
    }
  });
  const port = await listen(server, 0);
  return {
    origin: `http://localhost:${port}`,
    setConfig(config) {
      const json = JSON.stringify(config).replaceAll('<', '\\u003c');
      page = html.replace('</head>', `<script>window.__BENCH_CONFIG__ = ${json};</script></head>`);
    },
    stop: () => closeServer(server),
  };
}
