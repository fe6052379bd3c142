import type { EmulatorContext } from './EmulatorContext.js';
import type { ResolvedClient } from './resolveOptions.js';
import { pageLanguage } from './renderPage.js';
import { repeatedParam } from './repeatedParam.js';
import { S256_CHALLENGE } from './verifyCodeChallenge.js';

/** A valid authorize request (also what `/login` re-reads from its query string). */
export interface AuthorizeRequest {
  client: ResolvedClient;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string;
  loginHint: string | undefined;
  lang: string;
  /** `login` forces the form even with a session; `none` refuses to show it (`login_required`). */
  prompt: 'login' | 'none' | undefined;
}

/**
 * The verdict on an authorize request: valid; an error page on the domain (client or redirect URI cannot be
 * trusted, so no redirect); or an OAuth error sent back to the redirect URI.
 */
export type AuthorizeOutcome =
  | { kind: 'ok'; request: AuthorizeRequest }
  | { kind: 'page'; error: string; message: string }
  | { kind: 'redirect'; error: string; description: string; location: string };

const PROMPTS = new Set(['login', 'none', 'consent', 'select_account']);

/** The URL that sends an OAuth error (and `state`) back to a validated redirect URI. */
export function errorRedirect(
  redirectUri: string,
  error: string,
  description: string,
  state: string | undefined,
): string {
  const url = new URL(redirectUri);
  url.searchParams.append('error_description', description);
  if (state !== undefined) url.searchParams.append('state', state);
  url.searchParams.append('error', error);
  return url.href;
}

/**
 * Validates `/oauth2/authorize` parameters as Cognito does, strictly: known client, `redirect_uri` exactly
 * one of its callback URLs, `response_type=code`, `identity_provider` COGNITO (or absent), scopes the client
 * allows (default: all of them), PKCE with `code_challenge_method=S256` only, no parameter twice.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
 */
export function parseAuthorizeRequest(ctx: EmulatorContext, query: URLSearchParams): AuthorizeOutcome {
  const repeated = repeatedParam(query);
  const single = (name: string): string | undefined => query.get(name) ?? undefined;
  const clientId = single('client_id');
  if (clientId === undefined || clientId === '') {
    return {
      kind: 'page',
      error: 'invalid_request',
      message: "Required String parameter 'client_id' is not present",
    };
  }
  const client = ctx.clients.get(clientId);
  if (client === undefined || repeated === 'client_id') {
    return {
      kind: 'page',
      error: 'invalid_client',
      message: `Invalid client_id: no app client ${clientId} in this user pool`,
    };
  }
  const redirectUri = single('redirect_uri');
  if (redirectUri === undefined) {
    return {
      kind: 'page',
      error: 'invalid_request',
      message: "Required String parameter 'redirect_uri' is not present",
    };
  }
  if (!client.callbackUrls.includes(redirectUri) || repeated === 'redirect_uri') {
    return {
      kind: 'page',
      error: 'redirect_mismatch',
      message: `redirect_mismatch: redirect_uri ${redirectUri} is not one of the callback URLs of this app client (${client.callbackUrls.join(', ') || 'none'})`,
    };
  }
  const state = single('state');
  const refuse = (error: string, description: string): AuthorizeOutcome => ({
    kind: 'redirect',
    error,
    description,
    location: errorRedirect(redirectUri, error, description, state),
  });
  if (repeated !== undefined) return refuse('invalid_request', `parameter ${repeated} given more than once`);
  const responseType = single('response_type');
  if (responseType === 'token')
    return refuse('unauthorized_client', 'this app client is not allowed the implicit grant');
  if (responseType !== 'code') return refuse('invalid_request', 'response_type must be code');
  const identityProvider = single('identity_provider');
  if (identityProvider !== undefined && identityProvider !== 'COGNITO') {
    return refuse(
      'invalid_request',
      `identity provider ${identityProvider} is not enabled for this app client`,
    );
  }
  const scopeParam = single('scope');
  const scopes =
    scopeParam === undefined || scopeParam.trim() === ''
      ? [...client.allowedScopes]
      : [...new Set(scopeParam.split(/\s+/).filter(Boolean))];
  const refused = scopes.find((scope) => !client.allowedScopes.includes(scope));
  if (refused !== undefined)
    return refuse('invalid_scope', `${refused} is not an allowed scope of this app client`);
  const needsOpenid = scopes.find((scope) => ['email', 'phone', 'profile'].includes(scope));
  if (needsOpenid !== undefined && !scopes.includes('openid'))
    return refuse('invalid_scope', `${needsOpenid} can only be requested with openid`);
  const codeChallenge = single('code_challenge');
  const method = single('code_challenge_method');
  if (codeChallenge === undefined)
    return refuse('invalid_request', 'code_challenge is required (PKCE with S256)');
  if (method !== 'S256') return refuse('invalid_request', 'code_challenge_method must be S256');
  if (!S256_CHALLENGE.test(codeChallenge))
    return refuse('invalid_request', 'code_challenge must be 43 base64url characters');
  const prompt = single('prompt');
  if (prompt !== undefined && !PROMPTS.has(prompt))
    return refuse('invalid_request', `unsupported prompt ${prompt}`);
  return {
    kind: 'ok',
    request: {
      client,
      redirectUri,
      scopes,
      state,
      nonce: single('nonce'),
      codeChallenge,
      loginHint: single('login_hint'),
      lang: pageLanguage(single('lang')),
      prompt: prompt === 'login' || prompt === 'none' ? prompt : undefined,
    },
  };
}
