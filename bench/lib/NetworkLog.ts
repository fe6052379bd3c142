import type { BrowserContext, Request } from 'playwright-core';
import type { CountedEndpoint } from 'react-cognito-sso/emulator';

/** The Cognito endpoint a URL names, as the emulator counts it (`other` for anything else on a Cognito origin). */
export type CognitoEndpoint = CountedEndpoint | 'other';

/** One request start or response seen by the browser, in the order the browser reported them. */
export interface NetworkEvent {
  kind: 'request' | 'response';
  url: string;
  /** The Cognito endpoint, or null when the URL is not on a Cognito origin. */
  endpoint: CognitoEndpoint | null;
  /** Whether the request is a top-level navigation. */
  navigation: boolean;
}

const PATHS: Record<string, CognitoEndpoint> = {
  '/oauth2/authorize': 'authorize',
  '/login': 'login',
  '/oauth2/token': 'token',
  '/oauth2/userInfo': 'userInfo',
  '/oauth2/revoke': 'revoke',
  '/logout': 'logout',
};

function endpointOf(url: URL): CognitoEndpoint {
  if (url.pathname.endsWith('/.well-known/openid-configuration')) return 'discovery';
  if (url.pathname.endsWith('/.well-known/jwks.json')) return 'jwks';
  return PATHS[url.pathname] ?? 'other';
}

/**
 * Every request start and response of a browser context (all its pages), in order, each tagged with the Cognito
 * endpoint it is for when its origin is one of the emulator's (issuer and hosted-UI domain).
 */
export class NetworkLog {
  readonly events: NetworkEvent[] = [];
  readonly #cognitoOrigins: ReadonlySet<string>;

  /** Starts recording `context`; `cognitoOrigins` are the emulator's issuer and domain origins. */
  constructor(context: BrowserContext, cognitoOrigins: readonly string[]) {
    this.#cognitoOrigins = new Set(cognitoOrigins);
    context.on('request', (request) => this.#record('request', request));
    context.on('response', (response) => this.#record('response', response.request()));
  }

  /** The position of the next event, to pass to {@link NetworkLog.cognitoRequests} later. */
  mark(): number {
    return this.events.length;
  }

  /** Requests to Cognito origins started at or after `from` (a {@link NetworkLog.mark}) and before `to`. */
  cognitoRequests(from = 0, to = this.events.length): NetworkEvent[] {
    return this.events.slice(from, to).filter((event) => event.kind === 'request' && event.endpoint !== null);
  }

  #record(kind: NetworkEvent['kind'], request: Request): void {
    const url = new URL(request.url());
    this.events.push({
      kind,
      url: request.url(),
      endpoint: this.#cognitoOrigins.has(url.origin) ? endpointOf(url) : null,
      navigation: request.isNavigationRequest(),
    });
  }
}

/** How many of `events` are for `endpoint`. */
export function countEndpoint(events: readonly NetworkEvent[], endpoint: CognitoEndpoint): number {
  return events.filter((event) => event.endpoint === endpoint).length;
}
