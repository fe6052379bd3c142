import { createHash, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** A published RSA public key in JWK form, shaped like an entry of Cognito's `jwks.json`. */
export interface PublicSigningJwk {
  alg: 'RS256';
  e: string;
  kid: string;
  kty: 'RSA';
  n: string;
  use: 'sig';
}

/** An RS256 key pair with its `kid`. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: PublicSigningJwk;
}

/**
 * Makes a 2048-bit RS256 key pair; the `kid` is the standard-base64 RFC 7638 thumbprint, which, like
 * Cognito's kids, may contain `+`, `/` and `=`.
 */
export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicExponent: 0x10001,
  });
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new Error('RSA key export failed');
  const kid = createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
    .digest('base64');
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { alg: 'RS256', e: jwk.e, kid, kty: 'RSA', n: jwk.n, use: 'sig' },
  };
}

/**
 * The pool's two signing keys, as Cognito has: one for ID tokens, one for access tokens (different kids).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export class SigningKeys {
  #id: SigningKey = generateSigningKey();
  #access: SigningKey = generateSigningKey();

  /** The key that signs ID tokens. */
  get id(): SigningKey {
    return this.#id;
  }

  /** The key that signs access tokens. */
  get access(): SigningKey {
    return this.#access;
  }

  /** Replaces both keys; tokens signed before no longer verify against {@link SigningKeys.jwks}. */
  rotate(): void {
    this.#id = generateSigningKey();
    this.#access = generateSigningKey();
  }

  /** The published key set (`/.well-known/jwks.json`). */
  jwks(): { keys: PublicSigningJwk[] } {
    return { keys: [this.#id.publicJwk, this.#access.publicJwk] };
  }
}
