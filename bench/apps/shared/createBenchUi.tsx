import { useLayoutEffect, type JSX } from 'react';
import {
  countRender,
  recordCommit,
  recordSignedIn,
  recordSignedOut,
  recordToken,
  type BenchStatus,
} from './benchProbe.js';
import { NON_READERS, TOKEN_READERS } from './benchTree.js';

/** How a bench app reads its auth library: one hook per piece of state, each reading only that piece. */
export interface BenchAuthHooks {
  /** The session status as the app shell shows it. */
  useStatus(): BenchStatus;
  /** `isAuthenticated`, as the 90 non-reading components of the tree read it. */
  useIsAuthenticated(): boolean;
  /** The signed-in user's email. */
  useEmail(): string | undefined;
  /** The access token, as the 10 token readers of the tree read it. */
  useAccessToken(): string | undefined;
  /** Starts the sign-in (a redirect to the hosted UI). */
  useSignIn(): () => void;
}

/**
 * The UI both bench apps share, so that they differ only in their auth wiring: a shell that shows "Loading…",
 * a "Sign in" button or the signed-in content (the user's email and a 100-component tree: 10 token readers and
 * 90 components that read only `isAuthenticated`). Every component counts its renders in `window.__renders`.
 */
export function createBenchUi(hooks: BenchAuthHooks): { App: () => JSX.Element } {
  const { useStatus, useIsAuthenticated, useEmail, useAccessToken, useSignIn } = hooks;

  function TokenReader({ index }: { index: number }): JSX.Element {
    countRender('readers');
    const token = useAccessToken();
    useLayoutEffect(() => recordToken(token), [token]);
    return <li>{`reader ${index}: ${token ? 'token' : 'no token'}`}</li>;
  }

  function StatusReader({ index }: { index: number }): JSX.Element {
    countRender('nonReaders');
    const isAuthenticated = useIsAuthenticated();
    return <li>{`item ${index}: ${isAuthenticated ? 'signed in' : 'signed out'}`}</li>;
  }

  function Tree(): JSX.Element {
    return (
      <ul>
        {Array.from({ length: TOKEN_READERS }, (_, index) => (
          <TokenReader key={`r${index}`} index={index} />
        ))}
        {Array.from({ length: NON_READERS }, (_, index) => (
          <StatusReader key={`s${index}`} index={index} />
        ))}
      </ul>
    );
  }

  function Email(): JSX.Element {
    const email = useEmail();
    return <p>Signed in as {email}</p>;
  }

  function SignedIn(): JSX.Element {
    useLayoutEffect(recordSignedIn, []);
    return (
      <main data-bench="signed-in">
        <Email />
        <Tree />
      </main>
    );
  }

  function SignInButton({ signIn }: { signIn: () => void }): JSX.Element {
    useLayoutEffect(recordSignedOut, []);
    return (
      <button type="button" data-bench="sign-in" onClick={signIn}>
        Sign in
      </button>
    );
  }

  function App(): JSX.Element {
    countRender('app');
    const status = useStatus();
    const signIn = useSignIn();
    useLayoutEffect(() => recordCommit(status));
    if (status === 'loading') return <p role="status">Loading…</p>;
    if (status === 'error') return <p role="alert">Sign-in failed</p>;
    if (status === 'signed-out') return <SignInButton signIn={signIn} />;
    return <SignedIn />;
  }

  return { App };
}
