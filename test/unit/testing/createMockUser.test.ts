import { createMockUser } from 'react-cognito-sso/testing';
import { describe, expect, it, vi } from 'vitest';
import { base64urlDecode } from '../../../src/base64url.js';
import { verifyIdToken } from '../../../src/verifyIdToken.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/;

function decode(jwt: string): { header: unknown; payload: Record<string, unknown>; signature: string } {
  const [header = '', payload = '', signature, ...rest] = jwt.split('.');
  expect(rest).toEqual([]);
  const json = (part: string): Record<string, unknown> =>
    JSON.parse(new TextDecoder().decode(base64urlDecode(part))) as Record<string, unknown>;
  return { header: json(header), payload: json(payload), signature: signature ?? 'missing' };
}

describe('createMockUser()', () => {
  it('builds a plausible Cognito user with one-hour tokens from now', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const now = Date.now() / 1000;
    const user = createMockUser();
    expect(user).toMatchObject({
      username: 'mock-user',
      email: 'mock-user@example.com',
      groups: [],
      expiresAt: (now + 3600) * 1000,
    });
    expect(user.sub).toMatch(UUID);
    expect(user.claims).toMatchObject({
      sub: user.sub,
      'cognito:username': 'mock-user',
      email: 'mock-user@example.com',
      email_verified: true,
      token_use: 'id',
      aud: expect.stringMatching(/^[a-z0-9]{26}$/),
      iss: expect.stringMatching(
        /^https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_[0-9a-zA-Z]+$/,
      ),
      iat: now,
      auth_time: now,
      exp: now + 3600,
      jti: expect.stringMatching(UUID),
      origin_jti: expect.stringMatching(UUID),
      event_id: expect.stringMatching(UUID),
    });
    expect(user.claims).not.toHaveProperty('cognito:groups');
  });

  it('takes claims that override the defaults and derives the rest from them', () => {
    const user = createMockUser({
      'cognito:username': 'ada',
      'cognito:groups': ['admin', 'data'],
      'custom:team': 'platform',
      iat: 1_000,
    });
    expect(user).toMatchObject({ username: 'ada', email: 'ada@example.com', groups: ['admin', 'data'] });
    expect(user.claims).toMatchObject({
      'custom:team': 'platform',
      iat: 1_000,
      auth_time: 1_000,
      exp: 4_600,
    });
    expect(user.expiresAt).toBe(4_600_000);
    expect(createMockUser({ email: 'grace@example.org', exp: 99 })).toMatchObject({
      email: 'grace@example.org',
      expiresAt: 99_000,
    });
  });

  it('gives the same username the same sub, and another username another', () => {
    expect(createMockUser({ 'cognito:username': 'ada' }).sub).toBe(
      createMockUser({ 'cognito:username': 'ada' }).sub,
    );
    expect(createMockUser({ 'cognito:username': 'ada' }).sub).not.toBe(createMockUser().sub);
    expect(createMockUser({ sub: 'fixed' }).claims.sub).toBe('fixed');
  });

  it('encodes the claims in an unsecured ID token and Cognito-shaped access claims in the access token', () => {
    const user = createMockUser({ 'cognito:groups': ['admin'], 'custom:name': 'Zoë 🚀' });
    const id = decode(user.idToken);
    expect(id.header).toEqual({ alg: 'none', typ: 'JWT' });
    expect(id.signature).toBe('');
    expect(id.payload).toEqual(user.claims);
    const access = decode(user.accessToken);
    expect(access.header).toEqual({ alg: 'none', typ: 'JWT' });
    expect(access.signature).toBe('');
    expect(access.payload).toEqual({
      sub: user.sub,
      'cognito:groups': ['admin'],
      iss: user.claims.iss,
      client_id: user.claims.aud,
      origin_jti: user.claims.origin_jti,
      event_id: user.claims.event_id,
      token_use: 'access',
      scope: 'openid email profile',
      auth_time: user.claims.auth_time,
      iat: user.claims.iat,
      exp: user.claims.exp,
      jti: expect.stringMatching(UUID),
      username: 'mock-user',
    });
    expect(access.payload['jti']).not.toBe(user.claims.jti);
    expect(decode(createMockUser().accessToken).payload).not.toHaveProperty('cognito:groups');
  });

  it.each(['a', 'ab', 'abc'])(
    'encodes the tokens as base64url without padding, whatever the claims (username %s)',
    (username) => {
      // '~~~' encodes as 'fn5+' in base64 and '>>>' as 'Pj4+': base64url needs '-' there.
      const user = createMockUser({ 'cognito:username': username, 'custom:note': '~~~~~~>>>>>>' });
      for (const token of [user.idToken, user.accessToken]) expect(token).toMatch(/^[\w-]+\.[\w-]+\.$/);
      expect(decode(user.idToken).payload).toEqual(user.claims);
      expect(decode(user.accessToken).payload).toMatchObject({ username });
    },
  );

  it('makes ID tokens the SDK itself rejects', async () => {
    const user = createMockUser();
    const keys = { getKey: vi.fn<(kid: string) => Promise<CryptoKey>>() };
    await expect(
      verifyIdToken(user.idToken, keys, { issuer: user.claims.iss, clientId: user.claims.aud }),
    ).rejects.toMatchObject({ name: 'AuthError', code: 'token' });
    expect(keys.getKey).not.toHaveBeenCalled();
  });
});
