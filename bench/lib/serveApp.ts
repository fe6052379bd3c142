import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative } from 'node:path';
import type { BenchAppConfig } from '../apps/shared/BenchAppConfig.js';

/** A running static server for one built bench app. */
export interface AppServer {
  /** The app's origin, `http://localhost:{port}`. */
  origin: string;
  /** Sets the pool configuration written into every `index.html` served from now on. */
  setConfig(config: BenchAppConfig): void;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(`/${relative(dir, path).split('\\').join('/')}`, await readFile(path));
  }
  return files;
}

/**
 * Serves a built bench app on a free port of 127.0.0.1 (origin `http://localhost:{port}`): its files from memory
 * (hashed assets cached for a year, `index.html` revalidated), `index.html` for every other path without a file
 * extension (SPA fallback; a missing file such as `/favicon.ico` is a 404),
 * with `window.__BENCH_CONFIG__` written in as an inline script so that one build serves every emulator run.
 */
export async function serveApp(distDir: string): Promise<AppServer> {
  const files = await readTree(distDir);
  const html = files.get('/index.html')?.toString('utf8');
  if (html === undefined) throw new Error(`${distDir} has no index.html`);
  let page = html;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = path === '/index.html' ? undefined : files.get(path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (file) {
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : file);
    } else if (extname(path) !== '' && path !== '/index.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
    } else {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : page);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    setConfig(config) {
      const json = JSON.stringify(config).replaceAll('<', '\\u003c');
      page = html.replace('</head>', `<script>window.__BENCH_CONFIG__ = ${json};</script></head>`);
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
