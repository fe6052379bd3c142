import { useEffect, useState, useSyncExternalStore } from 'react';
import { useSession } from './session/useSession.js';

/** What {@link useSessionExpiry} returns. */
export interface SessionExpiry {
  /** When the access token expires, epoch milliseconds; `null` when signed out. */
  expiresAt: number | null;
  /**
   * Whole seconds until then (0 once expired), `null` when signed out: updated every second inside the warning
   * window; outside it, as of when the hook mounted, `expiresAt` changed or the window opened (so not a clock to
   * show all the time).
   */
  secondsLeft: number | null;
  /**
   * `secondsLeft` is within the warning window, and under `<CognitoProvider>` also at most
   * `renewBeforeExpirySeconds − requestTimeoutSeconds`: until then the session can still renew itself.
   */
  expiringSoon: boolean;
}

/**
 * Time left in the session, for "your session ends in N minutes" banners. The SDK renews
 * `renewBeforeExpirySeconds` before expiry, so `expiringSoon` turns true only once that renewal has had
 * `requestTimeoutSeconds` to succeed and has not (offline, Cognito unreachable): 50 s before expiry with the defaults,
 * whatever the window; a longer warning needs a longer `renewBeforeExpirySeconds`. Re-renders once per second only
 * inside the warning window and only while mounted; outside it, one timer waits for the window.
 *
 * @param warnBeforeSeconds - the warning window: how long before expiry `secondsLeft` ticks and, within the limit
 *   above, `expiringSoon` turns true (default: 300)
 * @throws AuthError code `provider` when used outside `<CognitoProvider>`
 * @example
 * ```tsx
 * function ExpiryBanner() {
 *   const { secondsLeft, expiringSoon } = useSessionExpiry(120);
 *   return expiringSoon ? <p role="status">Your session ends in {secondsLeft} s.</p> : null;
 * }
 * ```
 */
export function useSessionExpiry(warnBeforeSeconds = 300): SessionExpiry {
  const { subscribe, getState, config } = useSession('useSessionExpiry()');
  const expiresAt = useSyncExternalStore(subscribe, () => getState().user?.expiresAt);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!expiresAt) return;
    const tick = (): void => {
      const time = Date.now();
      setNow(time);
      // Next when the window opens, and inside it when `secondsLeft` changes; at most setTimeout's longest wait
      // (about 24.8 days: a longer one fires at once).
      if (time < expiresAt)
        timer = setTimeout(
          tick,
          Math.min(
            Math.max(expiresAt - warnBeforeSeconds * 1000 - time, (expiresAt - time) % 1000 || 1000),
            2 ** 31 - 1,
          ),
        );
    };
    let timer = setTimeout(tick);
    return () => clearTimeout(timer);
  }, [expiresAt, warnBeforeSeconds]);
  const secondsLeft = expiresAt ? Math.max(Math.ceil((expiresAt - now) / 1000), 0) : null;
  return {
    expiresAt: expiresAt ?? null,
    secondsLeft,
    expiringSoon:
      secondsLeft !== null &&
      secondsLeft <=
        Math.min(
          warnBeforeSeconds,
          config ? Math.max(config.renewBeforeExpirySeconds - config.requestTimeoutSeconds, 0) : Infinity,
        ),
  };
}
