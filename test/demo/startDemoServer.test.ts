import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAuthSettings } from '../../demo/server/DemoAuthSettings.js';
import { closeServer, listen } from '../../demo/server/listen.js';
import { securityHeaders } from '../../demo/server/securityHeaders.js';
import { startDemoServer } from '../../demo/server/startDemoServer.js';
import type { DemoServer } from '../../demo/server/startDemoServer.js';
import { rawGet } from './rawGet.js';

const AUTH: DemoAuthSettings = {
  userPoolId: 'eu-west-1_AbCdEf123',
  clientId: '1example23456789',
  authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
  domain: 'myapp.auth.eu-west-1.amazoncognito.com',
};
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://myapp.auth.eu-west-1.amazoncognito.com",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
let dir: string;
let demo: DemoServer;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-server-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>demo</title>');
  demo = await startDemoServer({ port: 0, mode: 'preview', auth: AUTH, distDir: dir });
  port = Number(new URL(demo.url).port);
});
afterAll(async () => {
  await demo.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo server (startDemoServer, preview mode)', () => {
  it('names its origin http://localhost:{port}, the host name the callback URL is registered for', () => {
    expect(demo.url).toBe(`http://localhost:${port}`);
    expect(port).toBeGreaterThan(0);
  });

  it.each(['/', '/callback?code=abc&state=xyz', '/api/v1/system/config/auth', '/api/v1/tables'])(
    'sends the security headers with %s: a CSP without inline script that connects to the pool, no referrer, no framing',
    async (path) => {
      const { headers } = await rawGet(port, path);
      expect(headers['content-security-policy']).toBe(CSP);
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    },
  );

  it('serves the build and the API on the same origin', async () => {
    expect((await rawGet(port, '/explore')).body).toBe('<!doctype html><title>demo</title>');
    const config = await rawGet(port, '/api/v1/system/config/auth');
    expect(JSON.parse(config.body)).toMatchObject({
      clientId: AUTH.clientId,
      callbackUrl: `http://localhost:${port}/callback`,
    });
  });

  it.each(['127.0.0.1', 'rebound.example.com', 'localhost:1'])(
    'redirects a request for host %s to the localhost origin the callback URL is registered for (308, path and query kept)',
    async (host) => {
      const answer = await rawGet(port, '/table/a.b?tab=schema', { headers: { host } });
      expect(answer.status).toBe(308);
      expect(answer.headers.location).toBe(`http://localhost:${port}/table/a.b?tab=schema`);
      expect(answer.headers['content-security-policy']).toBeUndefined();
    },
  );
});

describe('securityHeaders in dev mode', () => {
  it('lets the page also connect to Vite’s live-reload WebSocket', () => {
    const policy = securityHeaders({
      connectOrigins: ['https://a.example'],
      webSocketOrigin: 'ws://localhost:8585',
    })['Content-Security-Policy'];
    expect(policy).toContain("connect-src 'self' https://a.example ws://localhost:8585;");
  });
});

describe('listen', () => {
  it('says which port is taken and what to do, instead of a bare EADDRINUSE', async () => {
    const holder = createServer();
    const taken = await listen(holder, 0);
    try {
      await expect(listen(createServer(), taken)).rejects.toThrow(
        `Port ${taken} on 127.0.0.1 is already in use: stop what is listening there, then try again.`,
      );
    } finally {
      await closeServer(holder);
    }
  });
});
