import type { EmulatorContext } from './EmulatorContext.js';
import type { ResolvedClient } from './resolveOptions.js';
import { granted, refusal } from './TokenResult.js';
import type { TokenResult } from './TokenResult.js';

/**
 * `grant_type=refresh_token`: new ID and access tokens (same `origin_jti`, `event_id` and `auth_time`, no
 * `nonce`) and no refresh token — unless rotation is on: then a new refresh token, and the used one keeps
 * working for the grace period only. Revoked, expired, foreign or superseded tokens → `invalid_grant`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
 */
export async function exchangeRefreshToken(
  ctx: EmulatorContext,
  client: ResolvedClient,
  params: URLSearchParams,
): Promise<TokenResult> {
  const token = params.get('refresh_token');
  if (token === null || token === '') return refusal('invalid_request', 'refresh_token is required');
  const record = ctx.refreshTokens.find(token);
  if (record === undefined) return refusal('invalid_grant', 'unknown refresh token');
  const { family } = record;
  const nowMs = ctx.clock.nowMs();
  if (family.clientId !== client.clientId)
    return refusal('invalid_grant', 'refresh token was issued to another client');
  if (family.revoked) return refusal('invalid_grant', 'refresh token revoked');
  if (family.expiresAtMs <= nowMs) return refusal('invalid_grant', 'refresh token expired');
  const graceEndsMs =
    record.supersededAtMs === undefined
      ? Infinity
      : record.supersededAtMs + ctx.config.rotation.retryGracePeriodSeconds * 1000;
  if (nowMs >= graceEndsMs)
    return refusal('invalid_grant', 'refresh token was rotated and its grace period is over');
  const user = ctx.users.get(family.username.toLowerCase());
  if (user === undefined) return refusal('invalid_grant', 'user no longer exists');
  const rotated = ctx.config.rotation.enabled ? ctx.refreshTokens.rotate(record, nowMs) : undefined;
  return granted(await ctx.minter.mint({ user, family, nonce: undefined }), rotated);
}
