import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 `code_verifier`: 43–128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** A valid S256 `code_challenge`: 43 base64url characters (a SHA-256 digest). */
export const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * PKCE S256 check: true when `verifier` is well-formed and `BASE64URL(SHA256(verifier))` equals `challenge`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export function verifyCodeChallenge(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier) || !S256_CHALLENGE.test(challenge)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
