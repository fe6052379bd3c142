import { useEffect, useState, useSyncExternalStore } from 'react';
import { MAX_TIMEOUT_MS } from './maxTimeout.js';
import { renewalDelay } from './session/renewalDelay.js';
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
   * `secondsLeft` is within the warning window and, under `<CognitoProvider>`, the renewal of these tokens has had
   * time to succeed and has not (see {@link useSessionExpiry}).
   */
  expiringSoon: boolean;
}

/**
 * Time left in the session, for "your session ends in N minutes" banners. The SDK renews the tokens
 * `renewBeforeExpirySeconds` before they expire (halfway through a shorter lifetime), so inside the window
 * `expiringSoon` waits until that renewal has had `requestTimeoutSeconds` (at most half its lead) to succeed and has
 * not — offline, Cognito unreachable: with the defaults, 50 s before expiry at the earliest. For an earlier warning,
 * renew earlier. After the device slept it catches up within 5 s, and gives a renewal due on waking
 * 60 s + `requestTimeoutSeconds` before it warns (the leading tab's check runs once a minute when hidden); a renewal
 * still ahead keeps its own time.
 * Re-renders once per second only inside the warning window and only while mounted; outside it, one timer waits for
 * the window, and a check of the clock every 5 s renders nothing unless the device slept.
 *
 * @param warnBeforeSeconds - the warning window: how long before expiry `secondsLeft` ticks and `expiringSoon` may
 *   turn true (default: 300)
 * @throws AuthError code `provider` when used outside `<CognitoProvider>`
 * @example
 * ```tsx
 * function ExpiryBanner() {
 *   const { secondsLeft, expiringSoon } = useSessionExpiry(120);
 *   if (!expiringSoon) return null;
 *   // 0 once expired: renewal keeps failing (offline); the session stays until a retry succeeds or it ends.
 *   const text = secondsLeft ? `Your session ends in ${secondsLeft} s.` : 'Your session has expired.';
 *   return <p role="status">{text}</p>;
 * }
 * ```
 */
export function useSessionExpiry(warnBeforeSeconds = 300): SessionExpiry {
  const { subscribe, getState, config } = useSession('useSessionExpiry()');
  const expiresAt = useSyncExternalStore(subscribe, () => getState().user?.expiresAt);
  const [now, setNow] = useState(Date.now);
  // Until when these tokens are not ending (a mock session has no renewal): see the first tick.
  const [quietUntil, setQuietUntil] = useState(config ? Infinity : 0);
  useEffect(() => {
    if (!expiresAt) return;
    let first = true;
    /** When the next tick is due (see the clock check below). */
    let next = 0;
    const tick = (): void => {
      clearTimeout(timer);
      const time = Date.now();
      if (first && config) {
        // Their renewal, scheduled as Session schedules it from the time left when they arrive, and the time it may
        // take.
        const left = (expiresAt - time) / 1000;
        const lead = Math.max(left - renewalDelay(left, config.renewBeforeExpirySeconds) / 1000, 0);
        setQuietUntil(expiresAt - (lead - Math.min(config.requestTimeoutSeconds, lead / 2)) * 1000);
        first = false;
      }
      setNow(time);
      next = Infinity;
      // Next when the window opens, and inside it when `secondsLeft` changes; at most setTimeout's longest wait.
      if (time < expiresAt) {
        const delay = Math.min(
          Math.max(expiresAt - warnBeforeSeconds * 1000 - time, (expiresAt - time) % 1000 || 1000),
          MAX_TIMEOUT_MS,
        );
        next = time + delay;
        timer = setTimeout(tick, delay);
      }
    };
    let timer = setTimeout(tick);
    // Timers stand still while the device sleeps: a tick held back by more than a second runs at the next check, and
    // a renewal due on waking is given time first (the leading tab's own check runs once a minute when hidden).
    const clock = setInterval(() => {
      const time = Date.now();
      if (time > next + 1000) {
        if (config)
          setQuietUntil((until) => Math.max(until, time + (60 + config.requestTimeoutSeconds) * 1000));
        tick();
      }
    }, 5_000);
    return () => {
      clearTimeout(timer);
      clearInterval(clock);
    };
  }, [expiresAt, warnBeforeSeconds, config]);
  const secondsLeft = expiresAt ? Math.max(Math.ceil((expiresAt - now) / 1000), 0) : null;
  return {
    expiresAt: expiresAt ?? null,
    secondsLeft,
    expiringSoon: secondsLeft !== null && secondsLeft <= warnBeforeSeconds && now >= quietUntil,
  };
}
