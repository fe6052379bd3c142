import { base64urlJson } from './base64url.js';

/**
 * Wraps `fetch` to send `Authorization: Bearer <token>` — the access token, or the ID token with `token: 'id'`
 * (as OpenMetadata's UI sends it) — and, on a 401 answer, retries exactly once: with the session's token when it
 * changed meanwhile (another request's 401 renewed it), else after renewing it (requests rejected during that renewal
 * share it) — unless the new token names another user (`sub`; the 401 answer is returned). A 401 to the session's
 * current token within 30 s of the last renewal a 401 started is returned as it is: an API that answers 401 for other
 * reasons does not turn every call into a refresh-token request. A request whose body is a one-shot `ReadableStream`
 * is not retried. The header replaces any `Authorization` the caller set.
 *
 * **Warning:** the token goes to whatever URL is fetched; call only your own APIs with it.
 *
 * @param getToken - returns a valid token of the given kind; with `forceRenew: true` it must renew first
 * @returns a `fetch` with an extra `token` option (default: `'access'`)
 * @example
 * ```ts
 * const authFetch = createAuthFetch(session.getToken);
 * const me = await authFetch('/api/v1/users/loggedInUser', { token: 'id' });
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1 (bearer token usage)
 */
export function createAuthFetch(
  getToken: (kind: 'access' | 'id', options: { forceRenew: boolean }) => Promise<string>,
): (input: RequestInfo | URL, init?: RequestInit & { token?: 'access' | 'id' }) => Promise<Response> {
  /** The renewal a 401 started (requests rejected meanwhile wait for it), and when it started. */
  let renewal: Promise<unknown> | undefined;
  let renewedAt = -Infinity;
  return async (input, { token: kind = 'access', ...rest } = {}) => {
    const request = input as Partial<Request>;
    const token = (forceRenew: boolean) => getToken(kind, { forceRenew });
    const send = (value: string): Promise<Response> => {
      const headers = new Headers(rest.headers ?? request.headers);
      headers.set('Authorization', `Bearer ${value}`);
      return fetch(request.clone?.() ?? input, { ...rest, headers });
    };
    const sent = await token(false);
    const response = await send(sent);
    if (response.status !== 401 || rest.body instanceof ReadableStream) return response;
    let retry = await token(false);
    if (retry === sent) {
      if (!renewal) {
        if (Date.now() - renewedAt < 30_000) return response;
        renewedAt = Date.now();
        renewal = token(true).finally(() => (renewal = undefined));
      }
      await renewal;
      retry = await token(false);
    }
    // Another user signed in meanwhile (in another tab): a request made as one user is not sent again as another.
    return subject(retry) === subject(sent) ? send(retry) : response;
  };
}

/** A JWT's `sub` claim; `undefined` for a token that is not a JWT. */
function subject(token: string): unknown {
  try {
    return base64urlJson(token.split('.')[1] ?? '').sub;
  } catch {
    return undefined;
  }
}
