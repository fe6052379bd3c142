import type { MintedTokens } from './TokenMinter.js';

/**
 * Outcome of a token grant or a revocation: the JSON body to send (empty for a revocation, which answers no body),
 * or Cognito's `error` code with a reason for the log.
 */
export type TokenResult =
  { ok: true; body: Record<string, string | number> } | { ok: false; error: string; reason: string };

/** A refused grant. */
export function refusal(error: string, reason: string): TokenResult {
  return { ok: false, error, reason };
}

/** A granted one: Cognito's token response (`id_token` only with `openid`, `refresh_token` only when issued). */
export function granted(minted: MintedTokens, refreshToken: string | undefined): TokenResult {
  return {
    ok: true,
    body: {
      ...(minted.idToken === undefined ? {} : { id_token: minted.idToken }),
      access_token: minted.accessToken,
      ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
      expires_in: minted.expiresIn,
      token_type: 'Bearer',
    },
  };
}
