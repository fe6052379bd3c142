import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';

/** The claims the demo API reads from a verified Cognito ID or access token. */
export interface VerifiedClaims extends JWTPayload {
  sub: string;
  token_use: 'id' | 'access';
  'cognito:username'?: string;
  username?: string;
  'cognito:groups'?: string[];
  email?: string;
  name?: string;
}

/** Verifies a bearer token; rejects with a message that says why it is not accepted. */
export type TokenVerifier = (token: string) => Promise<VerifiedClaims>;

/** Why a bearer token was refused (the message is safe to return to the caller). */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
}

/**
 * The pool's key set could not be read (unreachable, slow, not a 200, not a key set), so the token was not checked:
 * the server's problem, not the token's (the message is safe to return to the caller).
 */
export class KeySetUnavailableError extends Error {
  override readonly name = 'KeySetUnavailableError';
}

/**
 * A verifier for the pool's tokens, as a resource server must check them: RS256 signature against the pool's
 * JWKS (fetched from `{issuer}/.well-known/jwks.json`, cached, refetched on an unknown `kid` at most every 30 s), `iss`, `exp`,
 * `token_use`, and the client: `aud` for ID tokens, `client_id` for access tokens (Cognito puts no `aud` in them).
 * A token is refused with {@link TokenRejectedError}; a key set that cannot be read rejects with
 * {@link KeySetUnavailableError} instead, since a valid token must not be refused for the server's own outage.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 * @example
 * const verify = createTokenVerifier({ issuer, clientId });
 * const claims = await verify(bearerToken); // rejects with TokenRejectedError or KeySetUnavailableError
 */
export function createTokenVerifier(options: { issuer: string; clientId: string }): TokenVerifier {
  const remote = createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`), {
    timeoutDuration: 5000,
  });
  const jwks: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      // A token whose `kid` names no published key (or no single one) is the token's fault; the rest is the key set's.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
        throw error;
      throw new KeySetUnavailableError(
        `the pool's key set ${options.issuer}/.well-known/jwks.json could not be read`,
        { cause: error },
      );
    }
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat', 'token_use'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new TokenRejectedError(`token rejected: ${error.code}`);
      throw error;
    }
    const claims = payload as VerifiedClaims;
    if (claims.token_use === 'id') {
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!audiences.includes(options.clientId))
        throw new TokenRejectedError('token rejected: aud is not this client');
    } else if (claims.token_use === 'access') {
      if (claims['client_id'] !== options.clientId) {
        throw new TokenRejectedError('token rejected: client_id is not this client');
      }
    } else {
      throw new TokenRejectedError('token rejected: token_use must be id or access');
    }
    return claims;
  };
}
