import { randomUUID } from 'node:crypto';

/** What an authorization code is bound to. */
export interface AuthorizationGrant {
  clientId: string;
  redirectUri: string;
  /** The S256 `code_challenge` sent to /oauth2/authorize. */
  codeChallenge: string;
  username: string;
  scopes: string[];
  nonce: string | undefined;
  /** Epoch seconds of the sign-in (`auth_time`). */
  authTime: number;
  /** Epoch milliseconds after which the code is refused. */
  expiresAtMs: number;
}

/** Lifetime of an authorization code, as Cognito's: 5 minutes. */
export const CODE_LIFETIME_MS = 5 * 60 * 1000;

/** Single-use authorization codes (UUIDs, like Cognito's). */
export class AuthorizationCodeStore {
  readonly #grants = new Map<string, AuthorizationGrant>();

  /** Stores a grant and returns its new code. */
  issue(grant: AuthorizationGrant): string {
    const code = randomUUID();
    this.#grants.set(code, grant);
    return code;
  }

  /** Returns the grant of `code` and forgets it, so that a code works at most once, right or wrong. */
  consume(code: string): AuthorizationGrant | undefined {
    const grant = this.#grants.get(code);
    this.#grants.delete(code);
    return grant;
  }
}
