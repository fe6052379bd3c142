import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import { sendJson } from './send.js';
import { verifyAccessToken } from './verifyAccessToken.js';

/** Cognito's `profile` scope: these standard attributes and every `custom:*` one. */
const PROFILE_ATTRIBUTES = new Set([
  'name',
  'family_name',
  'given_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'updated_at',
]);

/** Which attributes each OIDC scope releases at userInfo, beside `sub` and `username`. */
const SCOPE_RELEASES: Record<string, (attribute: string) => boolean> = {
  email: (attribute) => attribute === 'email' || attribute === 'email_verified',
  phone: (attribute) => attribute === 'phone_number' || attribute === 'phone_number_verified',
  profile: (attribute) => PROFILE_ATTRIBUTES.has(attribute) || attribute.startsWith('custom:'),
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
  const { username } = check.claims;
  const user = typeof username === 'string' ? ctx.users.get(username.toLowerCase()) : undefined;
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
  const scopes = String(check.claims.scope).split(' ');
  const releases = Object.entries(SCOPE_RELEASES)
    .filter(([scope]) => scopes.includes(scope))
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
