import { AuthError } from './AuthError.js';
import type { JwksCache } from './JwksCache.js';
import { base64urlDecode, base64urlJson } from './base64url.js';
import type { CognitoIdTokenClaims } from './claims.js';

/**
 * Throws the error of a rejected ID token: `AuthError` code `token`, message `ID token rejected: <problem> — <fix>.`
 *
 * @param problem - which check failed and why, e.g. `the signature does not verify`
 * @param fix - what to do (default: `sign in again`; a setting to check where signing in again would fail alike)
 */
export function rejectIdToken(problem: string, fix = 'sign in again'): never {
  throw new AuthError('token', `ID token rejected: ${problem} — ${fix}.`);
}

/** The only signature algorithm accepted, RS256, as WebCrypto names it (for key import and verification). */
export const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };

/** Rejects the token unless `ok`, naming the header field or claim, its value, what was expected and the fix. */
function check(
  source: Record<string, unknown>,
  name: string,
  ok: unknown,
  expected: string,
  fix?: string,
): asserts ok {
  if (!ok) rejectIdToken(`${name} is ${JSON.stringify(source[name])}, expected ${expected}`, fix);
}

/**
 * Verifies a Cognito ID token before anything is stored: the RS256 signature against the pool's keys (any other
 * `alg`, including `none` and `HS256`, is refused; `kid` is required), then `iss` (any of the issuers given), `aud`
 * (the client, as a string or the one item of an array; `azp` when present), `token_use: 'id'`, `exp` and `iat`
 * within the leeway, `sub`, and `nonce` when one is expected.
 *
 * @param idToken - the compact JWS
 * @param keys - the pool's key set, usually a {@link JwksCache}
 * @param expected - `issuer` (one, or the list accepted, e.g. `ResolvedConfig.issuers` with a pool's updated
 *   `https://issuer-cognito-idp.…` issuer) and `clientId` to match; `nonce` of the sign-in request (checked when
 *   given); `nowSeconds` (default: the device clock — pass a server-corrected time when known); `leewaySeconds` for
 *   clock skew on `exp` and `iat` (default: 300)
 * @returns the verified claims
 * @throws AuthError code `token` naming the failed check; code `network` (or `config` on a 4xx other than 408 and
 *   429, or a 2xx that is not a key set) when the keys cannot be loaded
 * @example
 * ```ts
 * const claims = await verifyIdToken(response.id_token, keys, { issuer: config.issuers, clientId, nonce });
 * ```
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export async function verifyIdToken(
  idToken: string,
  keys: Pick<JwksCache, 'getKey'>,
  {
    issuer,
    clientId,
    nonce,
    nowSeconds: now = Math.floor(Date.now() / 1000),
    leewaySeconds: leeway = 300,
  }: {
    issuer: string | readonly string[];
    clientId: string;
    nonce?: string | undefined;
    nowSeconds?: number;
    leewaySeconds?: number;
  },
): Promise<CognitoIdTokenClaims> {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  let signature: Uint8Array<ArrayBuffer>;
  let input: string;
  try {
    const [, head = '', body = '', sig = ''] = /^([^.]*)\.([^.]*)\.([^.]*)$/.exec(idToken) ?? [];
    [header, claims, signature, input] = [
      base64urlJson(head),
      base64urlJson(body),
      base64urlDecode(sig),
      `${head}.${body}`,
    ];
  } catch {
    return rejectIdToken('not a JWT (header.payload.signature)');
  }

  check(header, 'alg', header.alg === 'RS256', '"RS256"');
  check(header, 'kid', typeof header.kid === 'string' && header.kid, 'a key ID');
  if (
    !(await crypto.subtle.verify(
      RS256,
      await keys.getKey(header.kid),
      signature,
      new TextEncoder().encode(input),
    ))
  ) {
    rejectIdToken('the signature does not verify');
  }
  const client = `"${clientId}"`;
  const checkClient = 'check that clientId is this app client';
  const issuers = [issuer].flat();
  check(
    claims,
    'iss',
    issuers.includes(claims.iss as string),
    `"${issuers.join('" or "')}"`,
    'check that userPoolId, domain and authority are one pool',
  );
  // This client only: another audience beside it is one this client does not trust (OIDC Core 3.1.3.7).
  const audiences = [claims.aud].flat();
  check(claims, 'aud', audiences.length === 1 && audiences[0] === clientId, client, checkClient);
  check(claims, 'azp', claims.azp === undefined || claims.azp === clientId, client, checkClient);
  check(claims, 'token_use', claims.token_use === 'id', '"id"');
  check(claims, 'exp', typeof claims.exp === 'number' && claims.exp > now - leeway, `> ${now - leeway}`);
  check(claims, 'iat', typeof claims.iat === 'number' && claims.iat <= now + leeway, `<= ${now + leeway}`);
  check(claims, 'sub', typeof claims.sub === 'string' && claims.sub, 'a user ID');
  check(claims, 'nonce', nonce === undefined || claims.nonce === nonce, "this sign-in's nonce");
  return claims as unknown as CognitoIdTokenClaims;
}
