/**
 * What the bench apps record for the harness on `window` (read with `bench/lib/readProbe.ts`): render counts per
 * component kind, the status each commit of the app shell showed, when the "Sign in" button and signed-in content
 * first committed, and how many distinct access tokens the token readers have seen.
 */

/** What the app shell shows. */
export type BenchStatus = 'loading' | 'signed-out' | 'signed-in' | 'error';

/** Render counts (render function calls), per component kind. */
export interface BenchRenders {
  /** The app shell, which reads the status only. */
  app: number;
  /** The 10 components of the tree that read the access token. */
  readers: number;
  /** The 90 components of the tree that read only the status or `isAuthenticated`. */
  nonReaders: number;
}

/** Everything else the harness reads. */
export interface BenchProbe {
  /** The status shown by each commit of the app shell, in order. */
  commits: BenchStatus[];
  /** `performance.now()` when signed-in content first committed in this document (null until then). */
  signedInAt: number | null;
  /** `performance.now()` when the "Sign in" button first committed in this document (null until then). */
  signedOutAt: number | null;
  /** Distinct access tokens the readers have committed, in this document. */
  tokenGeneration: number;
}

declare global {
  interface Window {
    /** Render counts of the bench app's components (set on the first count). */
    __renders?: BenchRenders;
    /** The bench app's other measurements (set on the first record). */
    __bench?: BenchProbe;
  }
}

let lastToken: string | undefined;

function probe(): BenchProbe {
  return (window.__bench ??= { commits: [], signedInAt: null, signedOutAt: null, tokenGeneration: 0 });
}

/** Counts one render of a component of `kind` (call it in the render function). */
export function countRender(kind: keyof BenchRenders): void {
  (window.__renders ??= { app: 0, readers: 0, nonReaders: 0 })[kind] += 1;
}

/** Records the status one commit of the app shell showed. */
export function recordCommit(status: BenchStatus): void {
  probe().commits.push(status);
}

/** Records the first commit of signed-in content (`performance.now()`). */
export function recordSignedIn(): void {
  probe().signedInAt ??= performance.now();
}

/** Records the first commit of the "Sign in" button (`performance.now()`). */
export function recordSignedOut(): void {
  probe().signedOutAt ??= performance.now();
}

/** Records the access token a reader committed; a token unlike the last one starts a new generation. */
export function recordToken(token: string | undefined): void {
  if (token === undefined || token === lastToken) return;
  lastToken = token;
  probe().tokenGeneration += 1;
}
