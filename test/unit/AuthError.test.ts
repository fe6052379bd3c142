import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/AuthError.js';

describe('AuthError', () => {
  it('is an Error with a name, a stable code, Cognito fields and a cause', () => {
    const cause = new Error('underlying');
    const err = new AuthError('callback', 'Sign-in was cancelled. Sign in again.', {
      error: 'access_denied',
      errorDescription: '<script>x</script>',
      cause,
    });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('AuthError');
    expect(err.code).toBe('callback');
    expect(err.message).toBe('Sign-in was cancelled. Sign in again.');
    expect(err.error).toBe('access_denied');
    expect(err.errorDescription).toBe('<script>x</script>');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('AuthError: Sign-in was cancelled. Sign in again.');
  });

  it('leaves the optional fields unset when not given', () => {
    const err = new AuthError('session', 'Not signed in. Sign in first.');
    expect(err.error).toBeUndefined();
    expect(err.errorDescription).toBeUndefined();
    expect('cause' in err).toBe(false);
  });
});

describe('AuthError.from', () => {
  it('passes an AuthError through unchanged', () => {
    const err = new AuthError('state', 'Sign-in expired or was started in another tab. Sign in again.');
    expect(AuthError.from(err, 'callback', 'other message')).toBe(err);
  });

  it("keeps an oidc-client-ts ErrorResponse's error and error_description under the fallback code", () => {
    const response = new ErrorResponse({
      error: 'invalid_grant',
      error_description: 'Refresh Token has been revoked',
    });
    const err = AuthError.from(response, 'refresh', 'Your session ended. Sign in again.');
    expect(err).toMatchObject({
      code: 'refresh',
      error: 'invalid_grant',
      errorDescription: 'Refresh Token has been revoked',
      message: 'Your session ended. Sign in again.',
    });
    expect(err.cause).toBe(response);
  });

  it('keeps an ErrorResponse without description; its message names the error and links to troubleshooting', () => {
    const err = AuthError.from(new ErrorResponse({ error: 'access_denied' }), 'callback');
    expect(err).toMatchObject({ code: 'callback', error: 'access_denied' });
    expect(err.message).toBe(
      'access_denied (Cognito: access_denied) — see https://www.npmjs.com/package/react-cognito-sso#troubleshooting',
    );
    expect(err.errorDescription).toBeUndefined();
  });

  it.each([
    ['oidc-client-ts ErrorTimeout', new ErrorTimeout('Network timed out')],
    ['fetch TypeError (Chromium)', new TypeError('Failed to fetch')],
    ['fetch TypeError (Firefox)', new TypeError('NetworkError when attempting to fetch resource.')],
    ['fetch TypeError (Safari)', new TypeError('Load failed')],
    ['an abort', new DOMException('The operation was aborted.', 'AbortError')],
    ['a timeout signal', new DOMException('signal timed out', 'TimeoutError')],
    ['a non-JSON answer', new SyntaxError('Unexpected token < in JSON at position 0')],
    ['a 5xx answer', new Error('Service Unavailable (503)')],
    [
      'a throttled answer without an OAuth error',
      new Error('Too Many Requests (429): {"message":"Rate exceeded"}'),
    ],
    ['a 408 answer without an OAuth error', new Error('Request Timeout (408)')],
    [
      'an HTML answer',
      new Error('Invalid response Content-Type: text/html, from URL: https://x/oauth2/token'),
    ],
  ])('maps %s to network, with a message that says what to do', (_name, thrown) => {
    const err = AuthError.from(thrown, 'refresh');
    expect(err.code).toBe('network');
    expect(err.cause).toBe(thrown);
    expect(err.message).toMatch(/ — check the network connection and try again\.$/);
  });

  it('uses the given message for network errors', () => {
    expect(
      AuthError.from(new TypeError('Failed to fetch'), 'callback', 'Cognito is unreachable.').message,
    ).toBe('Cognito is unreachable.');
  });

  it('keeps the fallback code for a programming TypeError and other errors', () => {
    expect(AuthError.from(new TypeError('x is not a function'), 'token').code).toBe('token');
    expect(AuthError.from(new Error('Forbidden (403)'), 'token').code).toBe('token');
    const err = AuthError.from(new Error('No matching state found in storage'), 'state');
    expect(err).toMatchObject({ code: 'state', message: 'No matching state found in storage' });
  });

  it.each([
    ['a string', 'boom', 'boom'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
  ])('wraps %s', (_name, thrown, message) => {
    const err = AuthError.from(thrown, 'signout');
    expect(err).toMatchObject({ code: 'signout', message });
    expect(err.cause).toBe(thrown);
  });
});
