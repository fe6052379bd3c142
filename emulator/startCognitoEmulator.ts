import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorizationCodeStore } from './AuthorizationCodeStore.js';
import { Clock } from './Clock.js';
import type { CognitoEmulator } from './CognitoEmulator.js';
import { createControls } from './createControls.js';
import type { EmulatorContext } from './EmulatorContext.js';
import type { EmulatorOptions } from './EmulatorOptions.js';
import { FaultInjector } from './FaultInjector.js';
import { handleDomainRequest } from './handleDomainRequest.js';
import { handleIssuerRequest } from './handleIssuerRequest.js';
import { HostedUiSessions } from './HostedUiSessions.js';
import { RefreshTokenStore } from './RefreshTokenStore.js';
import { RequestCounter } from './RequestCounter.js';
import { resolveOptions } from './resolveOptions.js';
import { SigningKeys } from './SigningKeys.js';
import { TokenMinter } from './TokenMinter.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { address, port: bound } = server.address() as AddressInfo;
      resolve(`http://${address.includes(':') ? `[${address}]` : host}:${bound}`);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Routes requests to `handler`, logging each one and turning a crash into a 500 `server_error`. */
function serve(server: Server, origin: () => string, log: (line: string) => void, handler: Handler): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin());
    res.on('finish', () => log(`${req.method ?? '?'} ${url.pathname} ${res.statusCode}`));
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      log(
        `${req.method ?? '?'} ${url.pathname} crashed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent && !res.destroyed)
        res
          .writeHead(500, { 'content-type': 'application/json;charset=UTF-8' })
          .end('{"error":"server_error"}');
    });
  });
}

/**
 * Starts a strict local Cognito user pool on two loopback origins — the issuer (discovery, JWKS, admin API)
 * and the hosted-UI domain (authorize, login, token, userInfo, revoke, logout) — for development and tests.
 * Keys are generated at start; nothing is persisted.
 *
 * Warning: for development only. Passwords are plain text, HTTP only, and the test controls can forge tokens.
 *
 * @example
 * ```ts
 * const emulator = await startCognitoEmulator({ tokenLifetimes: { accessTokenSeconds: 60 } });
 * // <CognitoProvider userPoolId={emulator.userPoolId} clientId={DEMO_CLIENT_ID}
 * //   endpoint={emulator.issuerOrigin} domain={emulator.domain} />
 * emulator.controls.failNext('token', 1, { status: 503 });
 * await emulator.stop();
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 */
export async function startCognitoEmulator(options: EmulatorOptions = {}): Promise<CognitoEmulator> {
  const config = resolveOptions(options);
  const issuerServer = createServer();
  const domainServer = createServer();
  let issuerOrigin: string;
  let domain: string;
  try {
    issuerOrigin = await listen(issuerServer, config.host, config.issuerPort);
    domain = await listen(domainServer, config.host, config.domainPort);
  } catch (error) {
    await Promise.all([close(issuerServer), close(domainServer)]);
    throw error;
  }
  const issuer = `${issuerOrigin}/${config.userPoolId}`;
  const clock = new Clock(config.now);
  const keys = new SigningKeys();
  const ctx: EmulatorContext = {
    config,
    issuer,
    domain,
    clients: new Map(config.clients.map((client) => [client.clientId, client])),
    users: new Map(config.users.map((user) => [user.username.toLowerCase(), user])),
    corsOrigins: new Set(
      config.clients.flatMap((client) => client.callbackUrls.map((url) => new URL(url).origin)),
    ),
    clock,
    keys,
    minter: new TokenMinter(keys, clock, issuer, config.lifetimes),
    codes: new AuthorizationCodeStore(),
    refreshTokens: new RefreshTokenStore(),
    sessions: new HostedUiSessions(),
    faults: new FaultInjector(),
    counts: new RequestCounter(),
  };
  const controls = createControls(ctx);
  serve(
    issuerServer,
    () => issuerOrigin,
    config.log,
    (req, res, url) => handleIssuerRequest(ctx, controls, req, res, url),
  );
  serve(
    domainServer,
    () => domain,
    config.log,
    (req, res, url) => handleDomainRequest(ctx, req, res, url),
  );
  let stopping: Promise<void> | undefined;
  return {
    region: config.region,
    userPoolId: config.userPoolId,
    issuerOrigin,
    issuer,
    domain,
    clients: config.clients.map((client) => ({ ...client })),
    users: config.users.map((user) => ({ ...user })),
    controls,
    stop: () => {
      stopping ??= Promise.all([close(issuerServer), close(domainServer)]).then(() => undefined);
      return stopping;
    },
  };
}
