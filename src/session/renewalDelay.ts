/**
 * When to renew, in milliseconds from now: `renewBeforeSeconds` before the access token expires; a token that has
 * no more than `renewBeforeSeconds` left is renewed halfway to its expiry instead, so a lifetime shorter than
 * `renewBeforeSeconds` cannot cause a renewal loop; at once when it has expired (internal).
 *
 * @param secondsLeft - the access token's remaining lifetime, from `expires_in` on this browser's clock
 * @param renewBeforeSeconds - the `renewBeforeExpirySeconds` option
 */
export function renewalDelay(secondsLeft: number, renewBeforeSeconds: number): number {
  return (
    Math.max(secondsLeft > renewBeforeSeconds ? secondsLeft - renewBeforeSeconds : secondsLeft / 2, 0) * 1000
  );
}
