import { useState } from 'react';
import { useAuth, useSessionExpiry } from 'react-cognito-sso';
import { errorMessage } from '../errorMessage.js';
import { formatCountdown } from '../formatCountdown.js';

/** How long before expiry the banner shows: the SDK should have renewed by then, so renewal is failing. */
const WARN_BEFORE_SECONDS = 30;

/**
 * A banner when the session is about to expire (the SDK renews well before, so this shows only when renewal
 * keeps failing, e.g. offline), with "Stay signed in" (asks the SDK for a fresh token) or, once expired,
 * "Sign in again".
 */
export function SessionExpiryBanner() {
  const { getIdToken, signIn } = useAuth();
  const { secondsLeft, expiringSoon } = useSessionExpiry(WARN_BEFORE_SECONDS);
  const [failure, setFailure] = useState<string | null>(null);
  if (!expiringSoon || secondsLeft === null) return null;
  const renew = (): void => {
    setFailure(null);
    getIdToken().catch((error: unknown) => setFailure(errorMessage(error)));
  };
  const signInAgain = (): void => {
    void signIn({ returnTo: `${window.location.pathname}${window.location.search}${window.location.hash}` });
  };
  return (
    <section className="expiry-banner" aria-label="Session expiry">
      <p>
        {secondsLeft > 0
          ? `Your session expires in ${formatCountdown(secondsLeft)}.`
          : 'Your session has expired.'}
        {failure !== null && ` Renewal failed: ${failure}`}
      </p>
      {secondsLeft > 0 ? (
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
