import { describe, expect, expectTypeOf, it } from 'vitest';
import * as sdk from '../../src/index.js';
import type {
  AuthContextValue,
  AuthErrorCode,
  CognitoUser,
  CustomClaims,
  SignInOptions,
} from '../../src/index.js';

describe('public API', () => {
  it('exports exactly the contract', () => {
    expect(Object.keys(sdk).sort()).toEqual([
      'AuthCallback',
      'AuthError',
      'CognitoProvider',
      'RequireAuth',
      'configFromOpenMetadata',
      'sanitizeReturnTo',
      'useAuth',
      'useAuthFetch',
      'useSessionExpiry',
    ]);
  });

  it('types useAuth() claims by its generic', () => {
    type Team = { 'custom:team': string };
    expectTypeOf<ReturnType<typeof sdk.useAuth<Team>>>().toEqualTypeOf<AuthContextValue<Team>>();
    expectTypeOf<CognitoUser<Team>['claims']['custom:team']>().toEqualTypeOf<string>();
    expectTypeOf<CognitoUser['groups']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<CustomClaims>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<AuthContextValue['signIn']>().parameter(0).toEqualTypeOf<SignInOptions | undefined>();
    expectTypeOf<sdk.AuthError['code']>().toEqualTypeOf<AuthErrorCode>();
    expectTypeOf(sdk.useAuthFetch)
      .returns.parameter(1)
      .toEqualTypeOf<(RequestInit & { token?: 'access' | 'id' }) | undefined>();
  });
});
