/**
 * Top-level navigation to another page: the hosted UI, Cognito's `/logout`, or the app after the callback (internal).
 * Every full-page navigation of the SDK goes through here, so that tests can observe it.
 *
 * @param url - where to go
 * @param options - `{ replace: true }` replaces the current history entry instead of adding one (the signature of
 *   `<AuthCallback>`'s `navigate`, whose default this is)
 */
export function redirectTo(url: string, options?: { replace?: boolean | undefined }): void {
  location[options?.replace ? 'replace' : 'assign'](url);
}
