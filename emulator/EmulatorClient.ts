/**
 * A public app client (no secret) of the emulated user pool.
 *
 * @example
 * ```ts
 * const client: EmulatorClient = { clientId: 'myappclient123', callbackUrls: ['http://localhost:3000/callback'],
 *   logoutUrls: ['http://localhost:3000/'] };
 * ```
 */
export interface EmulatorClient {
  /** The app client ID, `[\w+]+`, 1–128 characters. */
  clientId: string;
  /** Display name (default: the client ID). */
  name?: string;
  /**
   * Allowed callback URLs; `redirect_uri` must equal one of them exactly. HTTPS, or `http://localhost`
   * only, no fragment — as Cognito enforces.
   */
  callbackUrls: string[];
  /** Allowed sign-out URLs; the `/logout` `logout_uri` must equal one of them exactly. */
  logoutUrls: string[];
  /** Scopes the client may request (default: `['openid','email','phone','profile','aws.cognito.signin.user.admin']`). */
  allowedScopes?: string[];
}
