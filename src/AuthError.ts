/**
 * Stable error categories of {@link AuthError}; branch on these, never on messages.
 *
 * - `config`: invalid provider configuration or OpenMetadata auth config, or a signing-key URL that answers as if
 *   there were no such pool (a 4xx other than 408 and 429, or a 2xx that is no key set).
 * - `provider`: a hook or component used outside `<CognitoProvider>`.
 * - `callback`: Cognito returned `error=` to the callback, or the callback URL is malformed.
 * - `state`: missing, unknown, replayed or expired sign-in state (e.g. storage cleared mid-login).
 * - `token`: an ID token failed validation (the message names the claim), or a malformed token response.
 * - `refresh`: renewal failed for good (`invalid_grant`: refresh token revoked or expired).
 * - `network`: a request failed, timed out, answered 5xx, 408 or 429 (throttled), or not JSON.
 * - `session`: no session where one is needed (e.g. `getAccessToken()` while signed out).
 * - `signout`: the pool publishes no logout endpoint (set `domain`). A sign-out whose discovery document cannot be
 *   read fails with `network` or `config`. Either way the session has already ended in every tab.
 */
export type AuthErrorCode =
  'config' | 'provider' | 'callback' | 'state' | 'token' | 'refresh' | 'network' | 'session' | 'signout';

/**
 * Every {@link AuthErrorCode} (internal: tabs accept only these in a message that ends the session; a type test checks
 * that the two lists agree).
 */
export const AUTH_ERROR_CODES = [
  'config',
  'provider',
  'callback',
  'state',
  'token',
  'refresh',
  'network',
  'session',
  'signout',
] as const satisfies readonly AuthErrorCode[];

/** The message of a session that ended for good (a revoked or expired refresh token), alike in every tab (internal). */
export const SESSION_EXPIRED = 'Session expired — sign in again.';

/**
 * The one error type the SDK throws and reports: a stable {@link AuthErrorCode}, a message that says what to do,
 * Cognito's own `error` / `error_description` when there is one, and the original failure in `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await getAccessToken();
 * } catch (err) {
 *   if (err instanceof AuthError && err.code === 'session') await signIn();
 *   else throw err;
 * }
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 (OAuth error response)
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  /** What went wrong, as a stable code. */
  declare readonly code: AuthErrorCode;
  /** Cognito's `error` (`invalid_grant`, `access_denied`, …), when Cognito answered with one. */
  declare readonly error?: string;
  /** Cognito's `error_description`: untrusted plain text — render it as text, never as HTML. */
  declare readonly errorDescription?: string;

  /**
   * @param code - the stable category
   * @param message - what happened and what to do about it
   * @param options - Cognito's `error` / `errorDescription` and the underlying `cause`
   */
  constructor(
    code: AuthErrorCode,
    message: string,
    options: { error?: string; errorDescription?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    Object.assign(this, { code }, options);
  }

  /**
   * Wraps anything thrown into an `AuthError`: an `AuthError` passes through unchanged; an OAuth error answer
   * (oidc-client-ts `ErrorResponse`) keeps its `error` / `error_description`, and its message names Cognito's
   * `error` and links to the README's troubleshooting table; a failed or timed-out request
   * (oidc-client-ts `ErrorTimeout`, `fetch`'s `TypeError`, an abort, a 5xx, 408, 429 or non-JSON answer) becomes
   * `network`;
   * anything else gets `fallbackCode`.
   *
   * @param error - what was thrown (kept as `cause`)
   * @param fallbackCode - the code when the error is neither an OAuth error answer nor a network failure
   * @param message - the message to use (default: the original message)
   * @example
   * ```ts
   * catch (err) { throw AuthError.from(err, 'refresh', 'Session renewal failed. Sign in again.'); }
   * ```
   */
  static from(error: unknown, fallbackCode: AuthErrorCode, message?: string): AuthError {
    if (error instanceof AuthError) return error;
    const e = Object(error) as {
      name?: unknown;
      message?: unknown;
      error?: unknown;
      error_description?: unknown;
    };
    const text = (typeof e.message === 'string' && e.message) || String(error);
    const oauth = typeof e.error === 'string';
    // by `${name} ${message}`: a timeout or abort, a non-JSON answer, fetch's TypeError, a 5xx / 408 / 429 (no OAuth
    // error: a proxy, the load balancer, throttling), a wrong Content-Type
    const network =
      !oauth &&
      /^((ErrorTimeout|(Timeout|Abort|Syntax)Error) |TypeError .*(fetch|network|load failed))|\((5\d\d|408|429)\)|Content-Type/i.test(
        `${e.name as string} ${text}`,
      );
    return new AuthError(
      network ? 'network' : fallbackCode,
      message ??
        (network
          ? `${text} — check the network connection and try again.`
          : oauth
            ? `${text} (Cognito: ${e.error as string}) — see https://www.npmjs.com/package/react-cognito-sso#troubleshooting`
            : text),
      {
        cause: error,
        ...(oauth && {
          error: e.error as string,
          ...(typeof e.error_description === 'string' && { errorDescription: e.error_description }),
        }),
      },
    );
  }
}
