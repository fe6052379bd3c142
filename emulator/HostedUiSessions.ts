import { randomBytes } from 'node:crypto';

/** Name of the hosted-UI session cookie (Cognito's is `cognito`). */
export const SESSION_COOKIE = 'cognito';

/** Lifetime of a hosted-UI session, as Cognito's: 1 hour. */
export const SESSION_LIFETIME_SECONDS = 3600;

/** A signed-in hosted-UI session. */
export interface HostedUiSession {
  username: string;
  /** Epoch seconds of the password sign-in (`auth_time`). */
  authTime: number;
  /** Epoch milliseconds after which the session no longer skips the form. */
  expiresAtMs: number;
}

/** Hosted-UI sessions keyed by the random id in the session cookie. */
export class HostedUiSessions {
  readonly #sessions = new Map<string, HostedUiSession>();

  /** Stores a session and returns its cookie value. */
  create(session: HostedUiSession): string {
    const id = randomBytes(32).toString('base64url');
    this.#sessions.set(id, session);
    return id;
  }

  /** The live session of `id` at `nowMs`; expired sessions are forgotten. */
  find(id: string | undefined, nowMs: number): HostedUiSession | undefined {
    if (id === undefined) return undefined;
    const session = this.#sessions.get(id);
    if (session !== undefined && session.expiresAtMs <= nowMs) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Ends the session of `id` (sign-out). */
  end(id: string | undefined): void {
    if (id !== undefined) this.#sessions.delete(id);
  }
}
