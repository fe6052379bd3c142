/** An endpoint whose next calls {@link EmulatorControls.failNext} can break. */
export type FaultableEndpoint = 'token' | 'revoke' | 'jwks' | 'userInfo';

/**
 * What happens to a call picked by {@link EmulatorControls.failNext}: it waits `delayMs` (default: 0), then
 * the connection is dropped (`drop: true`), or answered with `status` (default: 500) / `body` (default: '') /
 * `contentType` (default: 'application/json') when either `status` or `body` is given; a fault with only
 * `delayMs` makes the call slow but otherwise normal. `stall: true` sends the status (default: 200), the headers
 * and `body` (default: '{'), then never finishes the answer (a connection that dies silently mid-answer).
 */
export interface Fault {
  status?: number;
  body?: string;
  contentType?: string;
  delayMs?: number;
  drop?: boolean;
  stall?: boolean;
}

/** Changes to apply to the next ID token the emulator issues, for hardening tests of token validation. */
export interface IdTokenTamper {
  /** Claims to set or overwrite (e.g. `{ aud: 'other-client' }`). */
  claims?: Record<string, unknown>;
  /** Claims to delete (e.g. `['iat']`). */
  removeClaims?: string[];
  /** `'none'`: unsigned token; `'HS256'`: HMAC-signed with the published public key as secret (key confusion). */
  alg?: 'none' | 'HS256';
  /** Sign with a key that is not in the published JWKS (the header keeps the real ID-token `kid`). */
  foreignKey?: boolean;
}

/** Names under which {@link EmulatorControls.requestCounts} counts requests (CORS preflights are not counted). */
export type CountedEndpoint =
  'discovery' | 'jwks' | 'authorize' | 'login' | 'token' | 'userInfo' | 'revoke' | 'logout';

/**
 * Test controls of a running emulator. Each is also reachable over HTTP on the issuer origin, loopback
 * only: `POST {issuerOrigin}/_emulator/{name}` with `Content-Type: application/json` and the arguments by
 * parameter name, e.g. `POST /_emulator/failNext` `{"endpoint":"token","count":1,"fault":{"status":503}}`,
 * `POST /_emulator/revokeUserSessions` `{"username":"alice"}`, `POST /_emulator/requestCounts` `{}` (answers
 * the counts). Answers 200 `{"ok":true}`, or 400 `{"error":"…"}` for invalid arguments.
 *
 * @example
 * ```ts
 * emulator.controls.failNext('token', 1, { status: 503 });  // next token call: 503
 * emulator.controls.setClockOffsetSeconds(301);             // codes issued now have expired
 * expect(emulator.controls.requestCounts().token).toBe(1);
 * ```
 */
export interface EmulatorControls {
  /**
   * Makes the next `count` calls to `endpoint` meet `fault`; calls queue up behind earlier ones, and
   * `count` 0 clears the endpoint's queue.
   */
  failNext(endpoint: FaultableEndpoint, count: number, fault: Fault): void;
  /** Replaces both signing keys with new kids; earlier tokens no longer verify against the published JWKS. */
  rotateSigningKeys(): void;
  /** Moves the emulator's "now" (token iat/exp, code, session and refresh-token expiry) by `seconds`. */
  setClockOffsetSeconds(seconds: number): void;
  /** Requests received per endpoint since start or the last reset. */
  requestCounts(): Record<CountedEndpoint, number>;
  /** Sets every request count to 0. */
  resetRequestCounts(): void;
  /** Revokes every refresh token of the user (→ `invalid_grant`) and the access tokens minted from them (userInfo → 401). */
  revokeUserSessions(username: string): void;
  /** Applies `tamper` to the next issued ID token (from a code exchange or a refresh), once. */
  tamperNextIdToken(tamper: IdTokenTamper): void;
}
