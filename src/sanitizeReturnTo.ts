/**
 * Reduces a return-to target to a same-origin path (`pathname + search + hash`); anything else becomes `'/'`.
 * The value is parsed with `URL` against the app's origin and the origins compared, so absolute URLs elsewhere,
 * protocol-relative `//host` and `/\host`, `javascript:`, `user@host` tricks and percent-encoded slashes
 * (whose decoded form starts with `//` or `/\`) never leave the app.
 *
 * @param value - the untrusted target, e.g. a `returnTo` query parameter or sign-in state
 * @param origin - the app's origin, e.g. `window.location.origin`
 * @example
 * ```ts
 * sanitizeReturnTo('/explore?q=orders#x', origin); // → '/explore?q=orders#x'
 * sanitizeReturnTo('//evil.example', origin);      // → '/'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.11 (open redirection)
 */
export function sanitizeReturnTo(value: unknown, origin: string): string {
  if (typeof value !== 'string') return '/';
  try {
    const url = new URL(value, origin);
    const path = url.pathname + url.search + url.hash;
    return url.origin === new URL(origin).origin && !/^[\\/]{2}/.test(decodeURIComponent(path)) ? path : '/';
  } catch {
    return '/';
  }
}
