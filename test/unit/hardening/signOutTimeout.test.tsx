import { act } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { redirectTo } from '../../../src/redirectTo.js';
import {
  APP,
  CONFIG,
  DOMAIN,
  renderWithProvider,
  statusProbe,
  storeSession,
  USER_KEY,
} from '../support/fakeCognito.js';
import { advance, fakeClock, until } from '../support/fakeTime.js';

vi.mock('../../../src/redirectTo.js', () => ({ redirectTo: vi.fn() }));

const { Probe, current: auth } = statusProbe();

/** Not the default (10 s): a limit that is not this option's would not be met exactly. */
const TIMEOUT_SECONDS = 3;
const LOGOUT = `${DOMAIN}/logout?client_id=${CONFIG.clientId}&logout_uri=${encodeURIComponent(`${APP}/`)}`;

/** A 200 answer whose headers arrive but whose body never ends (a connection that dies silently mid-answer). */
const stalledBody = (): Response =>
  new Response(
    new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{')),
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );

/** No answer at all; the request ends only when aborted, as a real `fetch` does. */
const noAnswer = (signal: AbortSignal | null | undefined): Promise<Response> =>
  new Promise((_, reject) =>
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

beforeEach(() => {
  fakeClock();
});

describe('sign-out with a revocation that never completes', () => {
  it.each([
    ['an answer whose body stalls after its headers', () => stalledBody()],
    ['no answer at all', (signal: AbortSignal | null | undefined) => noAnswer(signal)],
  ] as const)(
    'sign-out-stalled-revoke: %s holds sign-out up for requestTimeoutSeconds exactly, then the session is cleared and the browser goes to /logout',
    async (_what, answer) => {
      await storeSession({ refreshToken: 'refresh-to-revoke' });
      const revokes: string[] = [];
      vi.stubGlobal(
        'fetch',
        vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
          const url = String(input instanceof Request ? input.url : input);
          if (url !== `${DOMAIN}/oauth2/revoke`) throw new Error(`unexpected request to ${url}`);
          revokes.push(new URLSearchParams(String(init.body)).get('token') ?? '');
          return Promise.resolve(answer(init.signal));
        }),
      );
      renderWithProvider(<Probe />, { requestTimeoutSeconds: TIMEOUT_SECONDS });
      expect(auth().status).toBe('authenticated');
      let signOut: Promise<void> | undefined;
      act(() => {
        signOut = auth().signOut();
      });
      // The revocation is sent at this (fake) moment; its time limit runs from here.
      await until(() => expect(revokes).toEqual(['refresh-to-revoke']));

      await advance(TIMEOUT_SECONDS - 0.001);
      expect(redirectTo).not.toHaveBeenCalled();
      expect(sessionStorage.getItem(USER_KEY)).not.toBeNull();
      expect(auth().status).toBe('authenticated');

      await advance(0.001);
      await until(() => expect(redirectTo).toHaveBeenCalledExactlyOnceWith(LOGOUT));
      await act(() => signOut);
      expect(sessionStorage.getItem(USER_KEY)).toBeNull();
      expect(auth().status).toBe('unauthenticated');
      expect(revokes).toHaveLength(1);
    },
  );
});
