import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), re-rendering the caller every `intervalMs` — for countdowns.
 *
 * @example const now = useNow(); const left = user.expiresAt - now;
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
