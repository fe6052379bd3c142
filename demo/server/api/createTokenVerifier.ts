import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';

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
 * A verifier for the pool's tokens, as a resource server must check them: RS256 signature against the pool's
 * JWKS (fetched from `{issuer}/.well-known/jwks.json`, cached, refetched on an unknown `kid`), `iss`, `exp`,
 * `token_use`, and the client: `aud` for ID tokens, `client_id` for access tokens (Cognito puts no `aud` in them).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 * @example
 * const verify = createTokenVerifier({ issuer, clientId });
 * const claims = await verify(bearerToken); // throws TokenRejectedError
 */
export function createTokenVerifier(options: { issuer: string; clientId: string }): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`), {
    timeoutDuration: 5000,
  });
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
