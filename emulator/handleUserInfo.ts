import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import { sendJson } from './send.js';
import { verifyAccessToken } from './verifyAccessToken.js';

/** The attributes the `email` and `phone` scopes release, and `address` (released by `openid` alone). */
const NOT_PROFILE = new Set(['email', 'email_verified', 'phone_number', 'phone_number_verified', 'address']);

/**
 * Which attributes each OIDC scope releases at userInfo, beside `sub` and `username`. `profile` releases the
 * standard profile attributes and every `custom:*` one: every attribute a user can have (see `resolveUser`) but
 * the email, phone and address ones.
 */
const SCOPE_RELEASES: Record<string, (attribute: string) => boolean> = {
  email: (attribute) => attribute === 'email' || attribute === 'email_verified',
  phone: (attribute) => attribute === 'phone_number' || attribute === 'phone_number_verified',
  profile: (attribute) => !NOT_PROFILE.has(attribute),
};

/**
 * `GET|POST /oauth2/userInfo` with `Authorization: Bearer <access token>` (the `openid` scope): the user's
 * attributes, `email_verified` as the string Cognito sends, as far as the token's scopes release them — with
 * `openid` alone (or with only other scopes, e.g. `aws.cognito.signin.user.admin`) all of them; with `email`,
 * `phone` or `profile`, `sub` and `username` plus what those scopes release. Anything else → 401 `invalid_token`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html
 */
export async function handleUserInfo(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const refuse = (description: string): void => {
    ctx.config.log(`userInfo: invalid_token — ${description}`);
    sendJson(
      res,
      401,
      { error: 'invalid_token', error_description: description },
      {
        'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
      },
    );
  };
  const match = /^Bearer ([\w.~+/-]+=*)$/.exec(req.headers.authorization ?? '');
  if (match?.[1] === undefined) {
    refuse('Access token is missing');
    return;
  }
  const check = await verifyAccessToken(ctx, match[1]);
  if (!check.ok) {
    refuse(check.reason);
    return;
  }
  const user = ctx.users.get(check.username.toLowerCase());
  if (user === undefined) {
    refuse('User does not exist');
    return;
  }
  const attributes: Record<string, string> = {
    sub: user.sub,
    email_verified: String(user.emailVerified),
    email: user.email,
    username: user.username,
    ...user.attributes,
  };
  const releases = Object.entries(SCOPE_RELEASES)
    .filter(([scope]) => check.scopes.includes(scope))
    .map(([, releases]) => releases);
  sendJson(
    res,
    200,
    releases.length === 0
      ? attributes
      : Object.fromEntries(
          Object.entries(attributes).filter(
            ([name]) => name === 'sub' || name === 'username' || releases.some((release) => release(name)),
          ),
        ),
  );
}
