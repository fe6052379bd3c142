/** An RS256 key pair for tests: the public half as a user pool publishes it in its JWKS, and the private half. */
export interface SigningKey {
  /** `{ kid, alg: 'RS256', use: 'sig', kty, n, e }`. */
  jwk: JsonWebKey & { kid: string };
  privateKey: CryptoKey;
}

/** base64url (no padding) of a UTF-8 string or of bytes. */
export const b64url = (data: string | ArrayBuffer | Uint8Array): string =>
  Buffer.from(typeof data === 'string' ? data : new Uint8Array(data)).toString('base64url');

/** Generates a fresh 2048-bit RSASSA-PKCS1-v1_5 / SHA-256 key pair published under `kid`. */
export async function signingKey(kid: string): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const { kty, n, e } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    privateKey: pair.privateKey,
    jwk: { kid, alg: 'RS256', use: 'sig', kty, n, e } as SigningKey['jwk'],
  };
}

/** A compact JWS of `header` and `payload`, RS256-signed with `privateKey` whatever `header` claims. */
export async function signJwt(privateKey: CryptoKey, header: unknown, payload: unknown): Promise<string> {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${b64url(signature)}`;
}
