import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CognitoProvider, useAuth } from '../../../src/index.js';
import { capture, CONFIG, idToken, json, storeSession, stubCognito } from '../support/fakeCognito.js';

/** A Web Locks stand-in: exclusive, first come first served, per name (what tabs of one origin share). */
function installLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  const request = (name: string, callback: () => unknown) => {
    requested.push(name);
    const run = (tails.get(name) ?? Promise.resolve()).then(() => callback());
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
  Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true });
  return requested;
}

async function until(check: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return check();
    } catch (error) {
      if (attempt > 300) throw error;
      // Real macrotasks (WebCrypto, BroadcastChannel), then zero-delay fake timers (the lock's yield).
      await act(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        await vi.advanceTimersByTimeAsync(1); // a zero delay set during a fake tick is due 1 ms later
      });
    }
  }
}

function Tab({ name }: { name: string }) {
  const { status, user } = useAuth();
  return (
    <p>
      {name}:{status}:{user?.accessToken ?? '-'}
    </p>
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'locks');
});

describe('one session across tabs', () => {
  it('tabs-one-request-per-renewal: 3 tabs × 5 renewals with rotation (grace 0) → exactly 5 token requests, every tab follows, none signs out', async () => {
    const requested = installLocks();
    await storeSession({ expiresIn: 62, accessToken: 'access-0', refreshToken: 'refresh-0' });
    let valid = 'refresh-0';
    let n = 0;
    const cognito = stubCognito({
      onToken: async (body) => {
        if (body.get('refresh_token') !== valid) return json({ error: 'invalid_grant' }, 400);
        valid = `refresh-${++n}`;
        return json({
          id_token: await idToken(),
          access_token: `access-${n}`,
          refresh_token: valid,
          token_type: 'Bearer',
          expires_in: 62,
        });
      },
    });
    render(
      <StrictMode>
        <CognitoProvider {...CONFIG}>
          <Tab name="A" />
        </CognitoProvider>
        <CognitoProvider {...CONFIG} storage="memory">
          <Tab name="B" />
        </CognitoProvider>
        <CognitoProvider {...CONFIG} storage="memory">
          <Tab name="C" />
        </CognitoProvider>
      </StrictMode>,
    );
    await until(() => ['A', 'B', 'C'].forEach((tab) => screen.getByText(`${tab}:authenticated:access-0`)));
    for (let renewal = 1; renewal <= 5; renewal++) {
      await act(() => vi.advanceTimersByTimeAsync(2000));
      await until(() =>
        ['A', 'B', 'C'].forEach((tab) => screen.getByText(`${tab}:authenticated:access-${renewal}`)),
      );
      expect(cognito.to('/oauth2/token')).toHaveLength(renewal);
    }
    expect(cognito.to('/oauth2/token').map((r) => r.body.get('refresh_token'))).toEqual([
      'refresh-0',
      'refresh-1',
      'refresh-2',
      'refresh-3',
      'refresh-4',
    ]);
    expect(requested).toContain(`react-cognito-sso:${CONFIG.clientId}`);
    expect(requested).toContain(`react-cognito-sso:${CONFIG.clientId}:leader`);
  });

  it('tabs-rotation-everywhere: a rotated refresh token reaches every tab, so any tab can renew next', async () => {
    await storeSession({ expiresIn: 3600, accessToken: 'access-0', refreshToken: 'refresh-0' });
    let valid = 'refresh-0';
    let n = 0;
    const cognito = stubCognito({
      onToken: async (body) => {
        if (body.get('refresh_token') !== valid) return json({ error: 'invalid_grant' }, 400);
        valid = `refresh-${++n}`;
        return json({
          id_token: await idToken(),
          access_token: `access-${n}`,
          refresh_token: valid,
          token_type: 'Bearer',
          expires_in: 3600,
        });
      },
    });
    const a = capture(useAuth, () => <Tab name="A" />);
    const b = capture(useAuth, () => <Tab name="B" />);
    render(
      <StrictMode>
        <CognitoProvider {...CONFIG} renewBeforeExpirySeconds={7200}>
          <a.Probe />
        </CognitoProvider>
        <CognitoProvider {...CONFIG} storage="memory" renewBeforeExpirySeconds={7200}>
          <b.Probe />
        </CognitoProvider>
      </StrictMode>,
    );
    await until(() => screen.getByText('B:authenticated:access-0'));
    await act(async () => {
      await expect(a.current().getAccessToken()).resolves.toBe('access-1');
    });
    await until(() => screen.getByText('B:authenticated:access-1'));
    await act(async () => {
      await expect(b.current().getAccessToken()).resolves.toBe('access-2');
    });
    await until(() => screen.getByText('A:authenticated:access-2'));
    expect(cognito.to('/oauth2/token').map((r) => r.body.get('refresh_token'))).toEqual([
      'refresh-0',
      'refresh-1',
    ]);
  });
});
