import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './EmulatorContext.js';
import { sendJson } from './send.js';
import { verifyAccessToken } from './verifyAccessToken.js';

/**
 * `GET|POST /oauth2/userInfo` with `Authorization: Bearer <access token>` (the `openid` scope): the user's
 * attributes, `email_verified` as the string Cognito sends. Anything else → 401 `invalid_token`.
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
  sendJson(res, 200, {
    sub: user.sub,
    email_verified: String(user.emailVerified),
    email: user.email,
    username: user.username,
    ...user.attributes,
  });
}
