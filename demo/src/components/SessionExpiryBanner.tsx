import { useState } from 'react';
import { useAuth } from 'react-cognito-sso';
import type { CognitoUser } from 'react-cognito-sso';
import { formatCountdown } from '../formatCountdown.js';
import { useNow } from '../hooks/useNow.js';

/** Below this many milliseconds left the banner shows: the SDK should have renewed by then, so renewal is failing. */
const WARN_BELOW_MS = 30_000;

/**
 * A banner when the session is about to expire (the SDK renews well before, so this shows only when renewal
 * keeps failing, e.g. offline), with "Stay signed in" (asks the SDK for a fresh token) or, once expired,
 * "Sign in again".
 */
export function SessionExpiryBanner({ user }: { user: CognitoUser }) {
  const { getIdToken, signIn } = useAuth();
  const now = useNow();
  const [failure, setFailure] = useState<string | null>(null);
  const left = user.expiresAt - now;
  if (left > WARN_BELOW_MS) return null;
  const renew = (): void => {
    setFailure(null);
    getIdToken().catch((error: unknown) =>
      setFailure(error instanceof Error ? error.message : String(error)),
    );
  };
  const signInAgain = (): void => {
    void signIn({ returnTo: `${window.location.pathname}${window.location.search}${window.location.hash}` });
  };
  return (
    <section className="expiry-banner" aria-label="Session expiry">
      <p>
        {left > 0 ? `Your session expires in ${formatCountdown(left)}.` : 'Your session has expired.'}
        {failure !== null && ` Renewal failed: ${failure}`}
      </p>
      {left > 0 ? (
        <button type="button" className="button secondary" onClick={renew}>
          Stay signed in
        </button>
      ) : (
        <button type="button" className="button secondary" onClick={signInAgain}>
          Sign in again
        </button>
      )}
    </section>
  );
}
