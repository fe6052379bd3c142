import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../demo/server/createStaticHandler.js';
import { rawGet } from './rawGet.js';
import { serveOnLoopback } from './serveOnLoopback.js';
import type { LoopbackServer } from './serveOnLoopback.js';

const INDEX = '<!doctype html><title>app</title>';
const SECRET = 'outside the build';
let dir: string;
let server: LoopbackServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-handler-'));
  const dist = join(dir, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await mkdir(join(dir, 'dist-secret'));
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'other.html'), '<p>other page</p>');
  await writeFile(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log(1);');
  await writeFile(join(dist, 'robots.txt'), 'User-agent: *');
  await writeFile(join(dist, 'data.bin'), 'raw');
  await writeFile(join(dir, 'secret.txt'), SECRET);
  await writeFile(join(dir, 'dist-secret', 'key.txt'), SECRET);
  server = await serveOnLoopback(createStaticHandler(dist));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo’s static handler (createStaticHandler)', () => {
  it('serves a hashed asset with its type, length and a year of immutable caching', async () => {
    const answer = await rawGet(server.port, '/assets/app-1a2b3c.js');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('console.log(1);');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['content-length']).toBe('15');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves another file for revalidation (no-cache), and an unknown type as octet-stream', async () => {
    const robots = await rawGet(server.port, '/robots.txt');
    expect([robots.body, robots.headers['content-type'], robots.headers['cache-control']]).toEqual([
      'User-agent: *',
      'text/plain; charset=utf-8',
      'no-cache',
    ]);
    expect((await rawGet(server.port, '/data.bin')).headers['content-type']).toBe('application/octet-stream');
  });

  it.each([
    '/',
    '/explore',
    '/table/a.b.c?tab=schema',
    '/callback?code=abc&state=xyz',
    '/index.html',
    '/other.html',
  ])(
    'answers %s with index.html, which no cache keeps (the SPA’s routes; HTML files are not served as files)',
    async (path) => {
      const answer = await rawGet(server.port, path);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(INDEX);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-store');
    },
  );

  it('answers a missing asset 404, not index.html (a stale hashed file must not load HTML as script)', async () => {
    const answer = await rawGet(server.port, '/assets/app-old.js');
    expect([answer.status, answer.body]).toEqual([404, 'Not found']);
  });

  it.each([
    ['/../secret.txt', 200],
    ['/%2e%2e/secret.txt', 200],
    ['/..%2fsecret.txt', 200],
    ['/..%2fdist-secret%2fkey.txt', 200],
    ['/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fhostname', 200],
    ['/%00', 200],
    ['/%E0%A4%A', 200],
    ['/assets/..%2f..%2fsecret.txt', 404],
  ])('never serves a file outside the build: %s → %i', async (path, status) => {
    const answer = await rawGet(server.port, path);
    expect(answer.status).toBe(status);
    expect(answer.body).toBe(status === 200 ? INDEX : 'Not found');
  });

  it('answers another method 405 with Allow: GET, HEAD; HEAD gets the headers without the body', async () => {
    const post = await rawGet(server.port, '/robots.txt', { method: 'POST' });
    expect([post.status, post.headers.allow, post.body]).toEqual([405, 'GET, HEAD', '']);
    const head = await rawGet(server.port, '/robots.txt', { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '13', '']);
  });
});
