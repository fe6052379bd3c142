import { AuthError, type AuthErrorCode } from 'react-cognito-sso';
import { describe, expectTypeOf, it } from 'vitest';
import type { AUTH_ERROR_CODES } from '../../../src/AuthError.js';

type Codes =
  'config' | 'provider' | 'callback' | 'state' | 'token' | 'refresh' | 'network' | 'session' | 'signout';

describe('AuthError types', () => {
  it('has code as the union of the nine stable codes', () => {
    expectTypeOf<AuthError['code']>().toEqualTypeOf<Codes>();
    expectTypeOf<AuthErrorCode>().toEqualTypeOf<Codes>();
    expectTypeOf<'timeout'>().not.toExtend<AuthError['code']>();
  });

  it('lists every code in the runtime list that tabs check messages against', () => {
    expectTypeOf<(typeof AUTH_ERROR_CODES)[number]>().toEqualTypeOf<Codes>();
  });

  it('is a readonly Error named AuthError with Cognito`s error fields', () => {
    expectTypeOf<AuthError>().toExtend<Error>();
    expectTypeOf<AuthError['name']>().toEqualTypeOf<'AuthError'>();
    expectTypeOf<AuthError['error']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AuthError['errorDescription']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(AuthError).constructorParameters.toEqualTypeOf<
      [
        code: AuthErrorCode,
        message: string,
        options?: { error?: string; errorDescription?: string; cause?: unknown },
      ]
    >();
    expectTypeOf(AuthError.from).returns.toEqualTypeOf<AuthError>();
    expectTypeOf(AuthError.from).parameter(1).toEqualTypeOf<AuthErrorCode>();
  });
});
