import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAuthFetch } from '../../src/index.js';
import {
  APP,
  json,
  renderWithProvider,
  storeSession,
  stubCognito,
  tokenResponse,
  USER_KEY,
  capture,
} from './support/fakeCognito.js';
import { gate } from './support/fakeTime.js';

const { Probe, current: authFetch } = capture(useAuthFetch);

describe('useAuthFetch()', () => {
  it('sends the access token by default and the ID token on request', async () => {
    await storeSession({ accessToken: 'access-1' });
    const cognito = stubCognito({ onApi: () => json({ ok: true }) });
    renderWithProvider(<Probe />);
    await act(() => authFetch()(`${APP}/api/v1/tables`));
    await act(() => authFetch()(`${APP}/api/v1/users/loggedInUser`, { token: 'id' }));
    const [first, second] = cognito.seen;
    expect(first?.headers.get('Authorization')).toBe('Bearer access-1');
    const stored = JSON.parse(sessionStorage.getItem(USER_KEY) ?? '{}') as { id_token: string };
    expect(second?.headers.get('Authorization')).toBe(`Bearer ${stored.id_token}`);
  });

  it('renews and retries once on a 401', async () => {
    await storeSession({ accessToken: 'access-1' });
    const cognito = stubCognito({
      onApi: (request) =>
        request.headers.get('Authorization') === 'Bearer access-2' ? json({ ok: true }) : json({}, 401),
      onToken: () => tokenResponse(),
    });
    renderWithProvider(<Probe />);
    let response: Response | undefined;
    await act(async () => {
      response = await authFetch()(`${APP}/api/v1/tables`);
    });
    expect(response?.status).toBe(200);
    expect(cognito.seen.map((r) => r.url.replace(/^https?:\/\/[^/]+/, ''))).toEqual([
      '/api/v1/tables',
      '/us-east-1_Unit1234/.well-known/jwks.json', // the keys before the refresh token is spent
      '/oauth2/token',
      '/api/v1/tables',
    ]);
  });

  it('renews once for requests all sent with the rejected token, however late their 401s come back', async () => {
    await storeSession({ accessToken: 'access-1' });
    const { release, released } = gate();
    let rejected = 0;
    const cognito = stubCognito({
      onApi: async (request) => {
        if (request.headers.get('Authorization') !== 'Bearer access-1') return json({ ok: true });
        if (++rejected > 1) await released; // the second and third 401s come after the first one's renewal
        return json({}, 401);
      },
      onToken: () => tokenResponse(),
    });
    renderWithProvider(<Probe />);
    const send = () => authFetch()(`${APP}/api/v1/tables`).then((response) => response.status);
    await act(async () => {
      const first = send();
      const others = [send(), send()];
      expect(await first).toBe(200);
      release();
      expect(await Promise.all(others)).toEqual([200, 200]);
    });
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });

  it('makes one refresh-token request, not one per call, for an API that answers 401 to every token', async () => {
    await storeSession({ accessToken: 'access-1' });
    const cognito = stubCognito({ onApi: () => json({}, 401), onToken: () => tokenResponse() });
    renderWithProvider(<Probe />);
    const statuses: number[] = [];
    for (let call = 0; call < 3; call++)
      await act(async () => void statuses.push((await authFetch()(`${APP}/api/v1/tables`)).status));
    expect(statuses).toEqual([401, 401, 401]);
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
    expect(
      cognito.seen.filter((r) => r.url.includes('/api/')).map((r) => r.headers.get('Authorization')),
    ).toEqual(['Bearer access-1', 'Bearer access-2', 'Bearer access-2', 'Bearer access-2']);
  });

  it('is one function for every component under the provider, so the 30 s rule holds for the whole app', async () => {
    await storeSession({ accessToken: 'access-1' });
    const cognito = stubCognito({ onApi: () => json({}, 401), onToken: () => tokenResponse() });
    const other = capture(useAuthFetch);
    renderWithProvider(
      <>
        <Probe />
        <other.Probe />
      </>,
    );
    expect(other.current()).toBe(authFetch());
    for (const send of [authFetch(), other.current(), authFetch(), other.current()])
      await act(async () => void (await send(`${APP}/api/v1/tables`)));
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });

  it('outside <CognitoProvider> throws AuthError "provider" naming useAuthFetch()', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Probe />)).toThrow(
      expect.objectContaining({
        code: 'provider',
        message: expect.stringMatching(
          /^useAuthFetch\(\) must be used inside <CognitoProvider> — wrap your app: /,
        ),
      }),
    );
  });

  it('renews first when the access token is about to expire', async () => {
    await storeSession({ accessToken: 'access-1', expiresIn: 20 });
    const cognito = stubCognito({
      onApi: () => json({ ok: true }),
      onToken: () => tokenResponse(),
    });
    renderWithProvider(<Probe />);
    await act(() => authFetch()(`${APP}/api/v1/tables`));
    expect(
      cognito.seen.filter((r) => r.url.includes('/api/')).map((r) => r.headers.get('Authorization')),
    ).toEqual(['Bearer access-2']);
    expect(cognito.to('/oauth2/token')).toHaveLength(1);
  });
});
