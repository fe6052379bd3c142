import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves one non-API request from a directory. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The file under `root` that `pathname` names, or `null` (none, a directory, outside `root`, bad encoding). */
async function findFile(root: string, pathname: string): Promise<string | null> {
  try {
    const candidate = normalize(join(root, decodeURIComponent(pathname)));
    return candidate.startsWith(root) && (await stat(candidate)).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

/**
 * Serves the production build in `distDir`: files as they are (hashed `/assets/*` cached for a year), every
 * other path that is not a file gets `index.html` (the SPA's routes), which no cache keeps.
 * Paths that try to leave `distDir` get `index.html` too. (Node's server drops the body of a HEAD answer.)
 */
export function createStaticHandler(distDir: string): StaticHandler {
  const root = normalize(distDir + sep);
  const send = async (res: ServerResponse, file: string, cacheControl: string): Promise<void> => {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': cacheControl,
    });
    res.end(body);
  };
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = await findFile(root, pathname);
    if (file !== null && !file.endsWith('.html')) {
      const immutable = file.startsWith(join(root, 'assets') + sep);
      await send(res, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    } else if (pathname.startsWith('/assets/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    } else {
      await send(res, join(root, 'index.html'), 'no-store');
    }
  };
}
