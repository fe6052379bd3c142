/** Outcome of a token grant: the JSON body to send, or Cognito's `error` code with a reason for the log. */
export type TokenResult =
  { ok: true; body: Record<string, string | number> } | { ok: false; error: string; reason: string };

/** A refused grant. */
export function refusal(error: string, reason: string): TokenResult {
  return { ok: false, error, reason };
}
