import { useSessionExpiry } from 'react-cognito-sso';
import { formatCountdown } from '../formatCountdown.js';

/** A warning window as long as the session: `useSessionExpiry` then re-renders every second. */
const WHOLE_SESSION = Number.POSITIVE_INFINITY;

/** A live countdown to the signed-in user's token expiry, with the local expiry time; nothing when signed out. */
export function TokenCountdown() {
  const { expiresAt, secondsLeft } = useSessionExpiry(WHOLE_SESSION);
  if (expiresAt === null || secondsLeft === null) return null;
  return (
    <p className="countdown">
      <span className="countdown-value">{formatCountdown(secondsLeft)}</span>
      <span className="muted">
        {secondsLeft > 0 ? 'until the tokens expire' : 'tokens expired'} (at{' '}
        {new Date(expiresAt).toLocaleTimeString()})
      </span>
    </p>
  );
}
