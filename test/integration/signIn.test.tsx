import { describe, expect, it, vi } from 'vitest';
import { signedIn, stored } from './support/emulatorApp.js';
import { setUpEmulatorPool } from './support/setUpEmulatorPool.js';

vi.mock('../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const emulator = setUpEmulatorPool();

describe('against the emulator', () => {
  it('signs in end to end with one token request, no discovery, one JWKS fetch', async () => {
    const { probe } = await signedIn(emulator);
    expect(window.location.search).toBe('');
    expect(emulator.controls.requestCounts()).toMatchObject({ discovery: 0, token: 1, jwks: 1, userInfo: 0 });
    expect(probe.current().user).toMatchObject({
      username: 'alice',
      email: 'alice@example.com',
      groups: ['editors'],
    });
    expect(stored(emulator)?.refresh_token).toBeTruthy();
  });
});
