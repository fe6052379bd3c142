import { describe, expect, it } from 'vitest';
import { logoutUrl } from '../../src/logoutUrl.js';

describe('logoutUrl', () => {
  it("uses Cognito's client_id and logout_uri parameters, URL-encoded", () => {
    const url = logoutUrl(
      { logout: 'https://myapp.auth.eu-west-1.amazoncognito.com/logout' },
      'client123',
      'http://localhost:8585/',
    );
    expect(url).toBe(
      'https://myapp.auth.eu-west-1.amazoncognito.com/logout?client_id=client123&logout_uri=http%3A%2F%2Flocalhost%3A8585%2F',
    );
    const params = new URL(url).searchParams;
    expect([...params.keys()]).toEqual(['client_id', 'logout_uri']);
    expect(params.get('logout_uri')).toBe('http://localhost:8585/');
  });

  it('encodes characters that would break the query', () => {
    const url = logoutUrl(
      { logout: 'http://127.0.0.1:4001/logout' },
      'c',
      'http://localhost:8585/bye?a=1&b=2#f',
    );
    expect(new URL(url).searchParams.get('logout_uri')).toBe('http://localhost:8585/bye?a=1&b=2#f');
    expect(new URL(url).hash).toBe('');
  });
});
