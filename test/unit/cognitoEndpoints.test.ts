import { describe, expect, it } from 'vitest';
import { cognitoEndpoints } from '../../src/cognitoEndpoints.js';

describe('cognitoEndpoints', () => {
  it('puts every hosted-UI endpoint on the domain, with Cognito’s spelling', () => {
    expect(cognitoEndpoints('https://myapp.auth.eu-west-1.amazoncognito.com')).toEqual({
      domainOrigin: 'https://myapp.auth.eu-west-1.amazoncognito.com',
      authorize: 'https://myapp.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
      token: 'https://myapp.auth.eu-west-1.amazoncognito.com/oauth2/token',
      revoke: 'https://myapp.auth.eu-west-1.amazoncognito.com/oauth2/revoke',
      logout: 'https://myapp.auth.eu-west-1.amazoncognito.com/logout',
    });
  });

  it('ignores a trailing slash', () => {
    const endpoints = cognitoEndpoints('http://127.0.0.1:4001/');
    expect(endpoints.domainOrigin).toBe('http://127.0.0.1:4001');
    expect(endpoints.token).toBe('http://127.0.0.1:4001/oauth2/token');
  });
});
