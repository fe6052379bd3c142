import { base64urlJson } from './base64url.js';

/**
 * Wraps `fetch` to send `Authorization: Bearer <token>` — the access token, or the ID token with `token: 'id'`
 * (as OpenMetadata's UI sends it) — and, on a 401 answer, retries at most once: with the session's token when it
 * changed meanwhile, else after renewing it; requests rejected while that renewal runs wait for it and retry with
 * its tokens. Not retried: a 401 to a token that such a renewal gave less than 30 s ago (an API that answers 401 for
 * other reasons must not turn every call into a refresh-token request), a retry whose token names another user
 * (`sub`), and a request whose body is a one-shot `ReadableStream` — their 401 is returned. The header replaces any
 * `Authorization` the caller set.
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
  /** The renewal a 401 started: requests rejected while it runs wait for it. */
  let renewal: Promise<unknown> | undefined;
  /** The tokens the last such renewal gave, and when it ended. */
  let renewed: string[] = [];
  let renewedAt = 0;
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
    if (retry === sent || renewal) {
      if (!renewal) {
        if (renewed.includes(sent) && Date.now() - renewedAt < 30_000) return response;
        renewal = token(true)
          .then(() => {
            renewed = [];
            renewedAt = Date.now();
          })
          .finally(() => (renewal = undefined));
      }
      await renewal;
      renewed.push((retry = await token(false)));
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
