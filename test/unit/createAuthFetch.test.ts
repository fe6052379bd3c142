import { describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../src/AuthError.js';
import { createAuthFetch } from '../../src/createAuthFetch.js';
import { gate } from './support/fakeTime.js';
import { b64url } from './support/signingKey.js';

/** Stubs the global fetch with answers of these statuses, in order; records what was sent. */
function stubFetch(...statuses: number[]) {
  const sent: {
    input: RequestInfo | URL;
    authorization: string | null;
    headers: Headers;
    body: string | null;
  }[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const body =
      input instanceof Request ? await input.text() : typeof init.body === 'string' ? init.body : null;
    sent.push({ input, authorization: headers.get('Authorization'), headers, body });
    return new Response(null, { status: statuses[sent.length - 1] ?? 200 });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { fetchStub, sent };
}

/** A session's token source: `<kind>-<n>`, where `n` goes up with each renewal (`forceRenew`); records its calls. */
function tokens() {
  let n = 1;
  return vi.fn(
    async (kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }) =>
      `${kind}-${forceRenew ? ++n : n}`,
  );
}

/** How many times `getToken` was asked to renew. */
const renewals = (getToken: ReturnType<typeof tokens>) =>
  getToken.mock.calls.filter(([, { forceRenew }]) => forceRenew).length;

describe('createAuthFetch', () => {
  it('sends the access token by default, and passes the input through unchanged', async () => {
    const { sent } = stubFetch(200);
    const getToken = tokens();
    const response = await createAuthFetch(getToken)('/api/v1/tables');
    expect(response.status).toBe(200);
    expect(getToken).toHaveBeenCalledExactlyOnceWith('access', { forceRenew: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.input).toBe('/api/v1/tables');
    expect(sent[0]?.authorization).toBe('Bearer access-1');
  });

  it("sends the ID token with token: 'id' and does not pass the option to fetch", async () => {
    const { fetchStub, sent } = stubFetch(200);
    const getToken = tokens();
    await createAuthFetch(getToken)('/api/v1/users/loggedInUser', { token: 'id', method: 'GET' });
    expect(getToken).toHaveBeenCalledExactlyOnceWith('id', { forceRenew: false });
    expect(sent[0]?.authorization).toBe('Bearer id-1');
    expect(fetchStub.mock.calls[0]?.[1]).not.toHaveProperty('token');
    expect(fetchStub.mock.calls[0]?.[1]).toMatchObject({ method: 'GET' });
  });

  it('on 401 renews the token once and retries once', async () => {
    const { sent } = stubFetch(401, 200);
    const getToken = tokens();
    const response = await createAuthFetch(getToken)('/api/v1/tables', { token: 'id' });
    expect(response.status).toBe(200);
    expect(getToken.mock.calls).toEqual([
      ['id', { forceRenew: false }],
      ['id', { forceRenew: false }],
      ['id', { forceRenew: true }],
      ['id', { forceRenew: false }],
    ]);
    expect(sent.map((s) => s.authorization)).toEqual(['Bearer id-1', 'Bearer id-2']);
  });

  it('on 401 retries with a token renewed meanwhile, without renewing again', async () => {
    const { sent } = stubFetch(401, 200);
    let token = 'access-1';
    const getToken = vi.fn(async (_kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }) => {
      if (forceRenew) throw new Error('renewed again');
      const value = token;
      token = 'access-2'; // another request's 401 renews it while this one is in flight
      return value;
    });
    expect((await createAuthFetch(getToken)('/api/v1/tables')).status).toBe(200);
    expect(sent.map((s) => s.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  /** An unsigned JWT naming `sub` (the retry compares users by it). */
  const jwt = (sub: string, n: number) => `e30.${b64url(JSON.stringify({ sub, n }))}.sig`;

  it.each([
    ['signed in meanwhile (the token read after the 401 is already theirs)', false],
    ['signed in during the renewal', true],
  ])(
    'does not send a request again as another user who %s, and returns the 401',
    async (_when, duringRenewal) => {
      const { sent } = stubFetch(401, 200);
      let renewed = false;
      const getToken = vi.fn(async (_kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }) =>
        (renewed ||= forceRenew) || !duringRenewal ? jwt('bob', 2) : jwt('alice', 1),
      );
      getToken.mockImplementationOnce(async () => jwt('alice', 1));
      expect((await createAuthFetch(getToken)('/api/v1/tables')).status).toBe(401);
      expect(sent.map((s) => s.authorization)).toEqual([`Bearer ${jwt('alice', 1)}`]);
    },
  );

  it("retries with the same user's renewed token", async () => {
    const { sent } = stubFetch(401, 200);
    let n = 1;
    const getToken = vi.fn(async (_kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }) =>
      jwt('alice', forceRenew ? ++n : n),
    );
    expect((await createAuthFetch(getToken)('/api/v1/tables')).status).toBe(200);
    expect(sent.map((s) => s.authorization)).toEqual([
      `Bearer ${jwt('alice', 1)}`,
      `Bearer ${jwt('alice', 2)}`,
    ]);
  });

  it('does not retry a second time when the retry also gets 401', async () => {
    const { sent } = stubFetch(401, 401, 200);
    const getToken = tokens();
    expect((await createAuthFetch(getToken)('/api/v1/tables')).status).toBe(401);
    expect(sent).toHaveLength(2);
    expect(renewals(getToken)).toBe(1);
  });

  it('returns a 401 to a token that a renewal for a 401 gave less than 30 s ago, without renewing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { sent } = stubFetch(401, 401, 401, 401, 200);
    const getToken = tokens();
    const authFetch = createAuthFetch(getToken);
    expect((await authFetch('/api/v1/tables')).status).toBe(401); // renewed once, rejected again
    vi.setSystemTime(Date.now() + 29_999);
    expect((await authFetch('/api/v1/tables')).status).toBe(401);
    vi.setSystemTime(Date.now() + 1);
    expect((await authFetch('/api/v1/tables')).status).toBe(200);
    expect(sent.map((s) => s.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
      'Bearer access-2',
      'Bearer access-2',
      'Bearer access-3',
    ]);
    expect(renewals(getToken)).toBe(2);
  });

  it('lets a request rejected during that renewal wait for it, and retries it with its own kind of token', async () => {
    const { sent } = stubFetch(401, 401, 200, 200);
    const { release, released } = gate();
    let n = 1;
    const getToken = vi.fn(async (kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }) => {
      if (forceRenew) await released.then(() => n++);
      return `${kind}-${n}`;
    });
    const authFetch = createAuthFetch(getToken);
    const statuses = Promise.all([authFetch('/api/v1/tables'), authFetch('/api/v1/users', { token: 'id' })]);
    await vi.waitFor(() => expect(getToken).toHaveBeenCalledTimes(5)); // both 401s in, one renewal started
    release();
    expect((await statuses).map((response) => response.status)).toEqual([200, 200]);
    expect(
      sent
        .slice(2)
        .map((s) => s.authorization)
        .sort(),
    ).toEqual(['Bearer access-2', 'Bearer id-2']);
    expect(renewals(getToken)).toBe(1);
  });

  it.each([
    ['that renewal failed', false],
    ['the token is not one that renewal gave (another user signed in meanwhile)', true],
  ])('renews again for a 401 within 30 s when %s', async (_when, userSwitch) => {
    const { sent } = stubFetch(401, 401, 401, 200);
    let n = 1;
    let failNext = !userSwitch;
    const getToken = vi.fn(async (kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }) => {
      if (forceRenew && failNext) {
        failNext = false;
        throw new AuthError('network', 'offline');
      }
      if (forceRenew) n++;
      return `${kind}-${n}`;
    });
    const authFetch = createAuthFetch(getToken);
    if (userSwitch) {
      expect((await authFetch('/api/v1/tables')).status).toBe(401); // renewed, rejected again
      n = 10; // another user's tokens
    } else {
      await expect(authFetch('/api/v1/tables')).rejects.toMatchObject({ code: 'network' });
    }
    expect((await authFetch('/api/v1/tables')).status).toBe(userSwitch ? 200 : 401);
    expect(renewals(getToken)).toBe(2);
    expect(sent.at(-1)?.authorization).toBe(userSwitch ? 'Bearer access-11' : 'Bearer access-2');
  });

  it('lets a request rejected while a renewal runs wait for it, though the token changed since it was sent', async () => {
    const { sent } = stubFetch(401, 401, 200, 200);
    const { release, released } = gate();
    // The session's token at each read: the first request's send and 401; the second's send, and at its 401 a token
    // another tab stored meanwhile; then the renewal's.
    const reads = ['access-1', 'access-1', 'access-2', 'access-9'];
    const getToken = vi.fn(async (_kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }) => {
      if (forceRenew) await released;
      return (!forceRenew && reads.shift()) || 'access-3';
    });
    const authFetch = createAuthFetch(getToken);
    const first = authFetch('/api/v1/tables');
    await vi.waitFor(() => expect(renewals(getToken)).toBe(1));
    const late = authFetch('/api/v1/tables');
    await vi.waitFor(() => expect(reads).toEqual([]));
    release();
    expect((await Promise.all([first, late])).map((response) => response.status)).toEqual([200, 200]);
    expect(sent.map((s) => s.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
      'Bearer access-3',
      'Bearer access-3',
    ]);
  });

  it('rejects every request waiting for a renewal that fails, and starts a new one for the next 401', async () => {
    const { release, released } = gate();
    let fail = true;
    const getToken = vi.fn(async (kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }) => {
      if (forceRenew && fail) await released.then(() => Promise.reject(new AuthError('network', 'offline')));
      return `${kind}-${forceRenew ? 2 : 1}`;
    });
    stubFetch(401, 401, 401, 200);
    const authFetch = createAuthFetch(getToken);
    const both = [authFetch('/api/v1/tables'), authFetch('/api/v1/users', { token: 'id' })];
    await vi.waitFor(() => expect(getToken).toHaveBeenCalledTimes(5));
    release();
    for (const request of both) await expect(request).rejects.toMatchObject({ code: 'network' });
    fail = false;
    expect((await authFetch('/api/v1/tables')).status).toBe(200);
    expect(renewals(getToken)).toBe(2);
  });

  it.each([403, 500])('does not retry a %i', async (status) => {
    const { sent } = stubFetch(status, 200);
    expect((await createAuthFetch(tokens())('/api/v1/tables')).status).toBe(status);
    expect(sent).toHaveLength(1);
  });

  it('keeps the caller’s headers and replaces a caller’s Authorization', async () => {
    const { sent } = stubFetch(401, 200);
    const headers = new Headers({
      'Content-Type': 'application/json',
      'X-Trace': 't-1',
      Authorization: 'Bearer stale',
    });
    await createAuthFetch(tokens())('/api/v1/tables', { method: 'POST', headers, body: '{"a":1}' });
    for (const request of sent) {
      expect(request.headers.get('Content-Type')).toBe('application/json');
      expect(request.headers.get('X-Trace')).toBe('t-1');
      expect(request.body).toBe('{"a":1}');
    }
    expect(sent.map((s) => s.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(headers.get('Authorization')).toBe('Bearer stale');
  });

  it('accepts headers as a record or as pairs', async () => {
    const { sent } = stubFetch(200, 200);
    const authFetch = createAuthFetch(tokens());
    await authFetch('/a', { headers: { Accept: 'application/json' } });
    await authFetch('/b', { headers: [['Accept', 'text/plain']] });
    expect(sent.map((s) => [s.headers.get('Accept'), s.authorization])).toEqual([
      ['application/json', 'Bearer access-1'],
      ['text/plain', 'Bearer access-1'],
    ]);
  });

  it('takes a Request: keeps its headers and replays its body on the retry', async () => {
    const { sent } = stubFetch(401, 200);
    const request = new Request('http://localhost:8585/api/v1/tables', {
      method: 'POST',
      headers: { 'X-Trace': 't-2' },
      body: '{"name":"orders"}',
    });
    const response = await createAuthFetch(tokens())(request);
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
    for (const attempt of sent) {
      expect(attempt.input).toBeInstanceOf(Request);
      expect((attempt.input as Request).url).toBe('http://localhost:8585/api/v1/tables');
      expect(attempt.headers.get('X-Trace')).toBe('t-2');
      expect(attempt.body).toBe('{"name":"orders"}');
    }
    expect(sent.map((s) => s.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(request.bodyUsed).toBe(false);
  });

  it('does not retry a request whose body is a one-shot stream', async () => {
    const { sent } = stubFetch(401, 200);
    const body = new ReadableStream({
      start(controller) {
        controller.close();
      },
    });
    const response = await createAuthFetch(tokens())('/api/v1/upload', { method: 'POST', body });
    expect(response.status).toBe(401);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing when no token can be had', async () => {
    const { fetchStub } = stubFetch(200);
    const noSession = new AuthError('session', 'Not signed in. Sign in first.');
    await expect(createAuthFetch(() => Promise.reject(noSession))('/api/v1/tables')).rejects.toBe(noSession);
    expect(fetchStub).not.toHaveBeenCalled();
  });
});
