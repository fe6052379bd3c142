import { AuthError } from './AuthError.js';
import type { JwksCache } from './JwksCache.js';
import { base64urlDecode } from './base64url.js';
import type { CognitoIdTokenClaims } from './claims.js';

function reject(problem: string): never {
  throw new AuthError('token', `ID token rejected: ${problem}.`);
}

function json(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(new TextDecoder().decode(base64urlDecode(part)));
  if (typeof value !== 'object' || !value) throw new TypeError();
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
  const parts = typeof idToken === 'string' ? idToken.split('.') : [];
  const [head = '', body = '', signature = ''] = parts;
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  let sig: Uint8Array<ArrayBuffer>;
  try {
    if (parts.length !== 3) throw new TypeError();
    [header, claims, sig] = [json(head), json(body), base64urlDecode(signature)];
  } catch {
    return reject('it is malformed (expected three base64url parts: JSON header, JSON payload, signature)');
  }

  if (header.alg !== 'RS256') reject(`alg is ${JSON.stringify(header.alg)}, only RS256 is accepted`);
  if (typeof header.kid !== 'string' || !header.kid) reject('kid is missing from the header');
  const key = await keys.getKey(header.kid);
  if (
    !(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, sig, new TextEncoder().encode(`${head}.${body}`)))
  ) {
    reject(`the signature does not verify with the user pool key "${header.kid}" (token forged or altered)`);
  }

  const { issuer, clientId, nonce } = expected;
  const now = expected.nowSeconds ?? Math.floor(Date.now() / 1000);
  const leeway = expected.leewaySeconds ?? 300;
  const { iss, aud, azp, exp, iat } = claims;
  if (iss !== issuer) reject(`iss is not this user pool (got ${JSON.stringify(iss)}, expected "${issuer}")`);
  if (!(aud === clientId || (Array.isArray(aud) && aud.includes(clientId)))) {
    reject(`aud is not this app client (got ${JSON.stringify(aud)}, expected "${clientId}")`);
  }
  if (azp !== undefined && azp !== clientId)
    reject(`azp is not this app client (got ${JSON.stringify(azp)})`);
  if (claims.token_use !== 'id')
    reject(`token_use is ${JSON.stringify(claims.token_use)}, not "id" (an access token?)`);
  if (typeof exp !== 'number' || exp <= now - leeway) {
    reject(
      `exp ${JSON.stringify(exp)} is missing or past (now ${now}, leeway ${leeway} s) — sign in again, and check the device clock`,
    );
  }
  if (typeof iat !== 'number' || iat > now + leeway) {
    reject(
      `iat ${JSON.stringify(iat)} is missing or in the future (now ${now}, leeway ${leeway} s) — check the device clock`,
    );
  }
  if (typeof claims.sub !== 'string' || !claims.sub) reject('sub is missing');
  if (nonce !== undefined && claims.nonce !== nonce)
    reject('nonce does not match the sign-in request (replayed or foreign token)');
  return claims as unknown as CognitoIdTokenClaims;
}
