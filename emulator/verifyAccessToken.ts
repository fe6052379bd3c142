import { jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { EmulatorContext } from './EmulatorContext.js';

/** A verified access token's user and scopes, or why it is refused. */
export type AccessTokenCheck =
  { ok: true; username: string; scopes: string[] } | { ok: false; reason: string };

/**
 * Verifies a bearer access token as Cognito's userInfo does: RS256 with the current access-token key, this
 * pool's issuer, `token_use: access`, not expired by the emulator clock, the `openid` scope, and a sign-in
 * that was not revoked.
 */
export async function verifyAccessToken(ctx: EmulatorContext, token: string): Promise<AccessTokenCheck> {
  let claims: JWTPayload;
  try {
    const verified = await jwtVerify(token, ctx.keys.access.publicKey, {
      algorithms: ['RS256'],
      issuer: ctx.issuer,
      currentDate: new Date(ctx.clock.nowMs()),
      clockTolerance: 0,
    });
    claims = verified.payload;
  } catch (error) {
    const expired = error instanceof Error && 'code' in error && error.code === 'ERR_JWT_EXPIRED';
    return { ok: false, reason: expired ? 'Access token is expired' : 'Access token is invalid' };
  }
  if (claims.token_use !== 'access') return { ok: false, reason: 'Not an access token' };
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes('openid')) return { ok: false, reason: 'Access token does not have the openid scope' };
  if (typeof claims.origin_jti !== 'string' || ctx.refreshTokens.isRevoked(claims.origin_jti)) {
    return { ok: false, reason: 'Access token has been revoked' };
  }
  if (typeof claims.username !== 'string') return { ok: false, reason: 'User does not exist' };
  return { ok: true, username: claims.username, scopes };
}
