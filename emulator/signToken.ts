import { SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import type { IdTokenTamper } from './EmulatorControls.js';
import { generateSigningKey } from './SigningKeys.js';
import type { SigningKey } from './SigningKeys.js';

/** Throws a RangeError unless `tamper` is a valid {@link IdTokenTamper}. */
export function validateTamper(tamper: IdTokenTamper): void {
  if (typeof tamper !== 'object' || tamper === null)
    throw new RangeError('tamperNextIdToken: tamper must be an object');
  const { claims, removeClaims, alg, foreignKey } = tamper;
  if (claims !== undefined && (typeof claims !== 'object' || claims === null || Array.isArray(claims))) {
    throw new RangeError('tamperNextIdToken: claims must be an object');
  }
  if (
    removeClaims !== undefined &&
    (!Array.isArray(removeClaims) || removeClaims.some((name) => typeof name !== 'string'))
  ) {
    throw new RangeError('tamperNextIdToken: removeClaims must be an array of claim names');
  }
  if (alg !== undefined && alg !== 'none' && alg !== 'HS256')
    throw new RangeError("tamperNextIdToken: alg must be 'none' or 'HS256'");
  if (foreignKey !== undefined && typeof foreignKey !== 'boolean')
    throw new RangeError('tamperNextIdToken: foreignKey must be a boolean');
  if (alg !== undefined && foreignKey === true)
    throw new RangeError('tamperNextIdToken: give either alg or foreignKey');
}

/**
 * Signs a token's `claims` (RS256 with `key`, header `{ kid, alg }`) after applying `tamper` (default: none, an
 * honest token — every access token, and every ID token but the one `tamperNextIdToken` aims at): changed/removed
 * claims are signed with the real key unless
 * `alg` (`none`: no signature; `HS256`: HMAC keyed with the real public key's SPKI PEM, the "alg confusion"
 * attack) or `foreignKey` (a fresh RSA key, header keeps the real `kid`) says otherwise. The HMAC secret
 * reaches jose as an `oct` JWK: a `Buffer` (or a secret `KeyObject`, which jose exports to one) fails jose's
 * `instanceof Uint8Array` check when the emulator runs inside a jsdom test environment.
 */
export async function signToken(
  claims: JWTPayload,
  key: SigningKey,
  tamper: IdTokenTamper = {},
): Promise<string> {
  const payload: JWTPayload = { ...claims, ...tamper.claims };
  for (const name of tamper.removeClaims ?? []) delete payload[name];
  if (tamper.alg === 'none') {
    const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode({ alg: 'none' })}.${encode(payload)}.`;
  }
  if (tamper.alg === 'HS256') {
    const pem = Buffer.from(key.publicKey.export({ format: 'pem', type: 'spki' }));
    const secret = { kty: 'oct', k: pem.toString('base64url') };
    return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(secret);
  }
  const signer = tamper.foreignKey === true ? generateSigningKey().privateKey : key.privateKey;
  return new SignJWT(payload).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(signer);
}
