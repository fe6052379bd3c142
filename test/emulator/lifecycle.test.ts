import { describe, expect, it } from 'vitest';
import { startCognitoEmulator } from 'react-cognito-sso/emulator';
import { authorizeParams, get, pkcePair } from './flow.js';

describe('the emulator’s servers', () => {
  it('answer a crash inside a handler with 500 server_error, log it, and keep serving', async () => {
    let broken = false;
    const lines: string[] = [];
    const emulator = await startCognitoEmulator({
      now: () => {
        if (broken) throw new Error('clock broke');
        return Date.now();
      },
      log: (line) => lines.push(line),
    });
    try {
      const url = `${emulator.domain}/oauth2/authorize?${authorizeParams(emulator, pkcePair().challenge)}`;
      broken = true;
      const crashed = await get(url);
      expect(crashed.status).toBe(500);
      expect(crashed.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(await crashed.json()).toEqual({ error: 'server_error' });
      expect(lines).toContain('GET /oauth2/authorize crashed: clock broke');
      expect(lines).toContain('GET /oauth2/authorize 500');
      broken = false;
      expect((await get(url)).status).toBe(302);
    } finally {
      await emulator.stop();
    }
  });

  it('stop() may be called twice: one shutdown, both calls resolve, then nothing answers', async () => {
    const emulator = await startCognitoEmulator();
    const discovery = `${emulator.issuer}/.well-known/openid-configuration`;
    expect((await fetch(discovery)).status).toBe(200);
    const first = emulator.stop();
    const second = emulator.stop();
    expect(second).toBe(first);
    await Promise.all([first, second]);
    await expect(fetch(discovery)).rejects.toThrow();
    await expect(fetch(emulator.domain)).rejects.toThrow();
  });
});
