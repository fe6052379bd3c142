/**
 * Top-level navigation to another page: the hosted UI, Cognito's `/logout`, or the app after the callback (internal).
 * Every full-page navigation of the SDK goes through here, so that tests can observe it.
 *
 * @param url - where to go
 * @param replace - replace the current history entry instead of adding one (default: false)
 */
export function redirectTo(url: string, replace = false): void {
  location[replace ? 'replace' : 'assign'](url);
}
