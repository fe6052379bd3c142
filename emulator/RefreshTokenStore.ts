import { randomBytes, randomUUID } from 'node:crypto';

/** One sign-in: the refresh tokens and access tokens minted from it share its `origin_jti`. */
export interface TokenFamily {
  /** The `origin_jti` of every token of the family. */
  originJti: string;
  /** The `event_id` of the sign-in. */
  eventId: string;
  username: string;
  clientId: string;
  scopes: string[];
  /** Epoch seconds of the sign-in. */
  authTime: number;
  /** Epoch milliseconds after which the family's refresh tokens are refused. */
  expiresAtMs: number;
  revoked: boolean;
}

/** A refresh token and its state. */
export interface RefreshTokenRecord {
  family: TokenFamily;
  /** Epoch milliseconds when rotation replaced this token; it then lives for the grace period only. */
  supersededAtMs: number | undefined;
}

/**
 * The protected header of Cognito's refresh tokens, which are JWEs (`{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}`)
 * encrypted to a key only Cognito holds.
 */
const JWE_HEADER = Buffer.from('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}').toString('base64url');

/**
 * Opaque refresh tokens grouped in sign-in families, shaped like Cognito's: a five-part compact JWE of about
 * 1.8 KB (an RSA-OAEP-2048 key, a 96-bit IV, the ciphertext, a 128-bit tag) — random bytes, not decryptable.
 */
export class RefreshTokenStore {
  readonly #tokens = new Map<string, RefreshTokenRecord>();
  readonly #families = new Map<string, TokenFamily>();

  /** Starts a family for a new sign-in and returns its first refresh token. */
  startFamily(family: Omit<TokenFamily, 'originJti' | 'eventId' | 'revoked'>): {
    token: string;
    family: TokenFamily;
  } {
    const started: TokenFamily = {
      ...family,
      originJti: randomUUID(),
      eventId: randomUUID(),
      revoked: false,
    };
    this.#families.set(started.originJti, started);
    return { token: this.#add(started), family: started };
  }

  /** The record of `token`, if the emulator issued it. */
  find(token: string): RefreshTokenRecord | undefined {
    return this.#tokens.get(token);
  }

  /** Issues the successor of `record` (rotation): the old token is marked superseded, once, at `nowMs`. */
  rotate(record: RefreshTokenRecord, nowMs: number): string {
    record.supersededAtMs ??= nowMs;
    return this.#add(record.family);
  }

  /** Revokes the sign-in of `record`: all its refresh tokens and the access tokens minted from them. */
  revoke(record: RefreshTokenRecord): void {
    record.family.revoked = true;
  }

  /** Whether the family of `originJti` is unknown or revoked. */
  isRevoked(originJti: string): boolean {
    return this.#families.get(originJti)?.revoked ?? true;
  }

  /** Revokes every refresh token of `username`; returns how many sign-ins it ended. */
  revokeUser(username: string): number {
    let count = 0;
    for (const family of this.#families.values()) {
      if (family.username === username && !family.revoked) {
        family.revoked = true;
        count += 1;
      }
    }
    return count;
  }

  #add(family: TokenFamily): string {
    const token = [
      JWE_HEADER,
      ...[256, 12, 1000, 16].map((size) => randomBytes(size).toString('base64url')),
    ].join('.');
    this.#tokens.set(token, { family, supersededAtMs: undefined });
    return token;
  }
}
