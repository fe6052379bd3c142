import { formatCountdown } from '../formatCountdown.js';
import { useNow } from '../hooks/useNow.js';

/** A live countdown to the tokens' expiry, with the local expiry time. */
export function TokenCountdown({ expiresAt }: { expiresAt: number }) {
  const now = useNow();
  const left = expiresAt - now;
  return (
    <p className="countdown">
      <span className="countdown-value">{formatCountdown(left)}</span>
      <span className="muted">
        {left > 0 ? 'until the tokens expire' : 'tokens expired'} (at{' '}
        {new Date(expiresAt).toLocaleTimeString()})
      </span>
    </p>
  );
}
