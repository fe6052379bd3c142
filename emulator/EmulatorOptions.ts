import type { EmulatorClient } from './EmulatorClient.js';
import type { EmulatorUser } from './EmulatorUser.js';

/**
 * Options of {@link startCognitoEmulator}. Every field is optional; the defaults give the demo pool.
 *
 * @example
 * ```ts
 * const options: EmulatorOptions = {
 *   clients: [{ clientId: 'myappclient123', callbackUrls: ['http://localhost:3000/callback'], logoutUrls: ['http://localhost:3000/'] }],
 *   tokenLifetimes: { accessTokenSeconds: 120 },
 *   refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 10 },
 * };
 * ```
 */
export interface EmulatorOptions {
  /** Interface to bind, loopback only: `127.0.0.1`, `::1` or `localhost` (default: '127.0.0.1'). */
  host?: string;
  /** Port of the issuer origin (default: 0, a free port). */
  issuerPort?: number;
  /** Port of the hosted-UI domain origin (default: issuerPort + 1 when issuerPort is non-zero, else 0). */
  domainPort?: number;
  /** AWS region (default: 'us-east-1'). */
  region?: string;
  /** User pool ID, `{region}_{id}` (default: `${region}_Em0lat0r`). */
  userPoolId?: string;
  /** App clients (default: the demo client {@link DEMO_CLIENT_ID} for http://localhost:8585). */
  clients?: EmulatorClient[];
  /**
   * App origins whose `{origin}/callback` and `{origin}/` every client also accepts as callback and sign-out URLs
   * (the CLI's `--app-origin`), e.g. `['http://localhost:5173']`: https, or http on localhost.
   */
  appOrigins?: string[];
  /** Users (default: {@link DEMO_USERS}). */
  users?: EmulatorUser[];
  /**
   * Token lifetimes in seconds (default: 3600, 3600 and 30 days). Unlike Cognito (ID and access tokens 5 minutes
   * at least, refresh tokens 60 minutes), any positive value is accepted so that tests can exercise renewal quickly.
   */
  tokenLifetimes?: { idTokenSeconds?: number; accessTokenSeconds?: number; refreshTokenSeconds?: number };
  /**
   * Refresh-token rotation (default: disabled — a refresh answers without a new refresh token). When enabled,
   * each refresh returns a new refresh token and the used one keeps working for `retryGracePeriodSeconds`
   * (0–60, default: 0), then answers `invalid_grant`.
   */
  refreshTokenRotation?: { enabled: boolean; retryGracePeriodSeconds?: number };
  /** Receives one line per request and per refused request, never token values (default: silent). */
  log?: (line: string) => void;
  /**
   * Time source in epoch milliseconds (default: `Date.now`); tests may inject a fake clock. The emulator's
   * "now" is this plus the clock offset of {@link EmulatorControls.setClockOffsetSeconds}.
   */
  now?: () => number;
}
