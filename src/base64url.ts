/**
 * Decodes unpadded base64url (RFC 4648 §5), as used in JWTs.
 *
 * @throws when `value` has characters outside the base64url alphabet or an impossible length
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-2
 */
export function base64urlDecode(value: string): Uint8Array<ArrayBuffer> {
  if (/[^\w-]/.test(value)) throw new TypeError('not base64url');
  return Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

/**
 * The JSON object in a base64url part of a JWT (header or payload).
 *
 * @throws when `part` is not base64url, not JSON, or not an object
 */
export function base64urlJson(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(new TextDecoder().decode(base64urlDecode(part)));
  if (!(value instanceof Object)) throw new TypeError('not a JSON object');
  return value as Record<string, unknown>;
}
