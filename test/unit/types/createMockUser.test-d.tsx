import type { CognitoUser } from 'react-cognito-sso';
import { createMockUser } from 'react-cognito-sso/testing';
import { describe, expectTypeOf, it } from 'vitest';

interface TeamClaims {
  'custom:team': string;
  roles: string[];
}

describe('testing kit types', () => {
  it('createMockUser<Claims>() checks the claims against an interface', () => {
    expectTypeOf(createMockUser<TeamClaims>).returns.toEqualTypeOf<CognitoUser<TeamClaims>>();
    expectTypeOf(createMockUser<TeamClaims>).toBeCallableWith({ 'custom:team': 'data', roles: [] });
    // @ts-expect-error roles is required by TeamClaims
    expectTypeOf(createMockUser<TeamClaims>).toBeCallableWith({ 'custom:team': 'data' });
    // @ts-expect-error custom attributes are strings
    expectTypeOf(createMockUser).toBeCallableWith({ 'custom:level': 3 });
    // @ts-expect-error exp is seconds since the epoch
    expectTypeOf(createMockUser).toBeCallableWith({ exp: '2030-01-01' });
  });
});
