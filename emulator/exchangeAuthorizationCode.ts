import type { EmulatorContext } from './EmulatorContext.js';
import type { ResolvedClient } from './resolveOptions.js';
import { granted, refusal } from './TokenResult.js';
import type { TokenResult } from './TokenResult.js';
import { verifyCodeChallenge } from './verifyCodeChallenge.js';

/**
 * `grant_type=authorization_code`: the code must be known, unused, under 5 minutes old and bound to this
 * `client_id`, this exact `redirect_uri` and a `code_verifier` whose S256 hash is the `code_challenge`. The
 * code is spent by the first attempt that names it, right or wrong (also one missing `redirect_uri` or
 * `code_verifier`: Cognito answers `invalid_grant` to the retry, as an AWS answer on re:Post reports). Answers ID
 * (with `openid`), access and refresh tokens.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
 * @see https://repost.aws/questions/QUDAAkuVB3QPKKnMLWQjSTvw
 */
export async function exchangeAuthorizationCode(
  ctx: EmulatorContext,
  client: ResolvedClient,
  params: URLSearchParams,
): Promise<TokenResult> {
  const code = params.get('code');
  const redirectUri = params.get('redirect_uri');
  const verifier = params.get('code_verifier');
  if (code === null || code === '') return refusal('invalid_request', 'code is required');
  const grant = ctx.codes.consume(code);
  if (redirectUri === null) return refusal('invalid_request', 'redirect_uri is required');
  if (verifier === null) return refusal('invalid_request', 'code_verifier is required (PKCE)');
  if (grant === undefined) return refusal('invalid_grant', 'unknown or already used code');
  const nowMs = ctx.clock.nowMs();
  if (grant.expiresAtMs <= nowMs) return refusal('invalid_grant', 'code expired (5 minutes)');
  if (grant.clientId !== client.clientId)
    return refusal('invalid_grant', 'code was issued to another client');
  if (grant.redirectUri !== redirectUri)
    return refusal('invalid_grant', 'redirect_uri differs from the authorize request');
  if (!verifyCodeChallenge(verifier, grant.codeChallenge))
    return refusal('invalid_grant', 'code_verifier does not match code_challenge');
  const user = ctx.users.get(grant.username.toLowerCase());
  if (user === undefined) return refusal('invalid_grant', 'user no longer exists');
  const { token, family } = ctx.refreshTokens.startFamily({
    username: user.username,
    clientId: client.clientId,
    scopes: grant.scopes,
    authTime: grant.authTime,
    expiresAtMs: nowMs + ctx.config.lifetimes.refreshTokenSeconds * 1000,
  });
  return granted(await ctx.minter.mint({ user, family, nonce: grant.nonce }), token);
}
