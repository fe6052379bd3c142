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
