import { createHash } from 'node:crypto';

/** Namespace of the emulator's name-based UUIDs (an arbitrary fixed UUID). */
const NAMESPACE = Buffer.from('6f1e0b9a3c2d4e5f8a7b9c0d1e2f3a4b', 'hex');

/**
 * A stable `sub` for a username: the RFC 4122 version-5 UUID of the name, so that a user keeps the same
 * `sub` across emulator restarts.
 *
 * @example
 * ```ts
 * stableSub('alice'); // always the same UUID
 * ```
 */
export function stableSub(username: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(username, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
