import { describe, expect, it } from 'vitest';
import { cognitoEndpoints } from '../../src/cognitoEndpoints.js';

describe('cognitoEndpoints', () => {
  it('puts every hosted-UI endpoint on the domain, with Cognito’s spelling', () => {
    expect(cognitoEndpoints('https://myapp.auth.eu-west-1.amazoncognito.com')).toEqual({
      authorize: 'https://myapp.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
      token: 'https://myapp.auth.eu-west-1.amazoncognito.com/oauth2/token',
      revoke: 'https://myapp.auth.eu-west-1.amazoncognito.com/oauth2/revoke',
      logout: 'https://myapp.auth.eu-west-1.amazoncognito.com/logout',
    });
  });
});
