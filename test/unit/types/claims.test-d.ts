import { describe, expectTypeOf, it } from 'vitest';
import type { CognitoIdTokenClaims, CustomClaims } from '../../../src/claims.js';

describe('CognitoIdTokenClaims', () => {
  it('types the Cognito claims and custom attributes', () => {
    expectTypeOf<CognitoIdTokenClaims['token_use']>().toEqualTypeOf<'id'>();
    expectTypeOf<CognitoIdTokenClaims['cognito:username']>().toEqualTypeOf<string>();
    expectTypeOf<CognitoIdTokenClaims['cognito:groups']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<CognitoIdTokenClaims['custom:team']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CognitoIdTokenClaims['exp']>().toEqualTypeOf<number>();
    expectTypeOf<CognitoIdTokenClaims>().not.toHaveProperty('client_id');
  });

  it('accepts a Cognito ID token payload', () => {
    const claims = {
      sub: 'u-1',
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123',
      aud: 'client',
      exp: 2,
      iat: 1,
      auth_time: 1,
      token_use: 'id',
      'cognito:username': 'alice',
      'custom:team': 'data',
    } satisfies CognitoIdTokenClaims;
    expectTypeOf(claims).toExtend<CognitoIdTokenClaims>();
    // @ts-expect-error custom attributes are strings
    expectTypeOf({ ...claims, 'custom:level': 3 }).toExtend<CognitoIdTokenClaims>();
  });

  it('lets apps describe their own claims', () => {
    expectTypeOf<{ 'custom:team': string; roles: string[] }>().toExtend<CustomClaims>();
  });
});
