/**
 * A number of seconds as a countdown: `m:ss`, or `h:mm:ss` from an hour up; negative durations read `0:00`.
 *
 * @example formatCountdown(61) // '1:01'
 */
export function formatCountdown(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
