import { AuthError } from 'react-cognito-sso';
import { describe, expect, it } from 'vitest';

/** An app's exhaustive handling of the codes: a new code would not compile here. */
function advice(error: AuthError): string {
  switch (error.code) {
    case 'config':
    case 'provider':
      return 'fix the app';
    case 'callback':
    case 'state':
    case 'token':
    case 'refresh':
    case 'session':
      return 'sign in again';
    case 'network':
      return 'retry';
    case 'signout':
      return 'close the browser';
    default: {
      const unreachable: never = error.code;
      return unreachable;
    }
  }
}

describe('AuthError types', () => {
  it('narrows by code at run time as the types say', () => {
    const error = AuthError.from(new TypeError('Failed to fetch'), 'refresh');
    expect(error).toBeInstanceOf(AuthError);
    expect(advice(error)).toBe('retry');
    expect(advice(new AuthError('signout', 'Sign-out failed'))).toBe('close the browser');
  });
});
