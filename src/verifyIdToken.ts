import { AuthError } from './AuthError.js';
import type { JwksCache } from './JwksCache.js';
import { base64urlDecode } from './base64url.js';
import type { CognitoIdTokenClaims } from './claims.js';

/**
 * Throws the error of a rejected ID token: `AuthError` code `token`, message `ID token rejected: <problem>.`
 *
 * @param problem - which check failed and why, e.g. `kid "abc" is not among the user pool's keys`
 */
export function rejectIdToken(problem: string): never {
  throw new AuthError('token', `ID token rejected: ${problem}.`);
}

/** Rejects the token unless `ok`, naming the header field or claim, its value and what was expected. */
function checkField(
  source: Record<string, unknown>,
  name: string,
  ok: unknown,
  expected: string,
): asserts ok {
  if (!ok) rejectIdToken(`${name} is ${JSON.stringify(source[name])}, expected ${expected}`);
}

function json(part: string | undefined): Record<string, unknown> {
  const value: unknown = JSON.parse(new TextDecoder().decode(base64urlDecode(part as string)));
  if (!(value instanceof Object)) throw new TypeError();
  return value as Record<string, unknown>;
}

/**
 * Verifies a Cognito ID token before anything is stored: the RS256 signature against the pool's keys (any other
 * `alg`, including `none` and `HS256`, is refused; `kid` is required), then `iss`, `aud` (string, or array
 * containing the client; `azp` when present), `token_use: 'id'`, `exp` and `iat` within the leeway, `sub`, and
 * `nonce` when one is expected.
 *
 * @param idToken - the compact JWS
 * @param keys - the pool's key set, usually a {@link JwksCache}
 * @param expected - `issuer` and `clientId` to match; `nonce` of the sign-in request (checked when given);
 *   `nowSeconds` (default: the device clock — pass a server-corrected time when known); `leewaySeconds` for clock
 *   skew on `exp` and `iat` (default: 300)
 * @returns the verified claims
 * @throws AuthError code `token` naming the failed check; code `network` when the keys cannot be loaded
 * @example
 * ```ts
 * const claims = await verifyIdToken(response.id_token, keys, { issuer, clientId, nonce });
 * ```
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export async function verifyIdToken(
  idToken: string,
  keys: Pick<JwksCache, 'getKey'>,
  expected: { issuer: string; clientId: string; nonce?: string; nowSeconds?: number; leewaySeconds?: number },
): Promise<CognitoIdTokenClaims> {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    const parts = idToken.split('.');
    if (parts.length !== 3) throw new TypeError();
    [header, claims, signature] = [json(parts[0]), json(parts[1]), base64urlDecode(parts[2] as string)];
  } catch {
    return rejectIdToken(
      'it is malformed (expected three base64url parts: JSON header, JSON payload, signature)',
    );
  }

  checkField(header, 'alg', header.alg === 'RS256', '"RS256", the only algorithm accepted');
  checkField(header, 'kid', typeof header.kid === 'string' && header.kid, "the signing key's ID");
  if (
    !(await crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      await keys.getKey(header.kid),
      signature,
      new TextEncoder().encode(idToken.slice(0, idToken.lastIndexOf('.'))),
    ))
  ) {
    rejectIdToken(
      `the signature does not verify with the user pool key "${header.kid}" (token forged or altered)`,
    );
  }

  const { issuer, clientId, nonce } = expected;
  const now = expected.nowSeconds ?? Math.floor(Date.now() / 1000);
  const leeway = expected.leewaySeconds ?? 300;
  const { aud, exp, iat } = claims;
  const client = `"${clientId}", this app client`;
  const clock = `(now ${now}, leeway ${leeway} s) — check the device clock and sign in again`;
  checkField(claims, 'iss', claims.iss === issuer, `"${issuer}", this user pool`);
  checkField(claims, 'aud', aud === clientId || (Array.isArray(aud) && aud.includes(clientId)), client);
  checkField(claims, 'azp', claims.azp === undefined || claims.azp === clientId, client);
  checkField(claims, 'token_use', claims.token_use === 'id', '"id" (an access token is not an ID token)');
  checkField(claims, 'exp', typeof exp === 'number' && exp > now - leeway, `a later time ${clock}`);
  checkField(claims, 'iat', typeof iat === 'number' && iat <= now + leeway, `an earlier time ${clock}`);
  checkField(claims, 'sub', typeof claims.sub === 'string' && claims.sub, "the user's ID");
  checkField(
    claims,
    'nonce',
    nonce === undefined || claims.nonce === nonce,
    "the sign-in request's nonce (replayed or foreign token)",
  );
  return claims as unknown as CognitoIdTokenClaims;
}
