import type { AuthorizationCodeStore } from './AuthorizationCodeStore.js';
import type { Clock } from './Clock.js';
import type { FaultInjector } from './FaultInjector.js';
import type { HostedUiSessions } from './HostedUiSessions.js';
import type { RefreshTokenStore } from './RefreshTokenStore.js';
import type { RequestCounter } from './RequestCounter.js';
import type { EmulatorConfig, ResolvedClient, ResolvedUser } from './resolveOptions.js';
import type { SigningKeys } from './SigningKeys.js';
import type { TokenMinter } from './TokenMinter.js';

/** Everything a running emulator's request handlers share. */
export interface EmulatorContext {
  config: EmulatorConfig;
  /** `http://host:issuerPort/${userPoolId}`. */
  issuer: string;
  /** `http://host:domainPort`, the hosted-UI domain. */
  domain: string;
  /** App clients by client ID. */
  clients: ReadonlyMap<string, ResolvedClient>;
  /** Users by lower-cased username (sign-in is case-insensitive). */
  users: ReadonlyMap<string, ResolvedUser>;
  /** Origins of every registered callback URL (CORS on token, revoke, userInfo). */
  corsOrigins: ReadonlySet<string>;
  clock: Clock;
  keys: SigningKeys;
  minter: TokenMinter;
  codes: AuthorizationCodeStore;
  refreshTokens: RefreshTokenStore;
  sessions: HostedUiSessions;
  faults: FaultInjector;
  counts: RequestCounter;
}
