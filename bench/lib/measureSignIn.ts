import type { Page } from 'playwright-core';
import type { CountedEndpoint } from 'react-cognito-sso/emulator';
import { submitHostedUiForm } from '../../test/e2e/support/signIn.js';
import { SETTLE_MS, SIGN_IN_BUTTON, SIGNED_IN } from './appSelectors.js';
import { countEndpoint, type NetworkLog } from './NetworkLog.js';
import { openSignedOut } from './openSignedOut.js';
import { readProbe } from './readProbe.js';
import { sleep } from './sleep.js';
import type { BenchStack } from './startBenchStack.js';

/** Requests to Cognito after the hosted UI redirected back to `/callback`, per endpoint. */
export interface CallbackRequests {
  token: number;
  discovery: number;
  jwks: number;
  userInfo: number;
  /** Every request to a Cognito origin. */
  total: number;
}

/** What one sign-in cost. */
export interface SignInMetrics {
  /** Requests to Cognito origins the browser made from opening the app to the `/oauth2/authorize` request. */
  beforeRedirect: number;
  /** The same, as the emulator counted them (everything but authorize and the login page). */
  beforeRedirectServer: number;
  /** Requests to Cognito origins the browser made after the `/callback` navigation started. */
  afterRedirect: CallbackRequests;
  /** The same, as the emulator counted them (everything after the login form was submitted but the form post). */
  afterRedirectServer: CallbackRequests;
  /** Whether the JWKS request started before the token response arrived (null: no JWKS request). */
  jwksBeforeTokenResponse: boolean | null;
  /** ms from opening the app, signed out, to the first commit of its "Sign in" button. */
  msToSignInButton: number;
  /**
   * ms from the start of the callback page's fetch (after Cognito's redirect from the login form) to the first commit
   * of signed-in content; `null` where the page has no navigation timing (under a clock Playwright fakes).
   */
  msToSignedIn: number | null;
}

function serverTotal(counts: Record<CountedEndpoint, number>, skip: readonly CountedEndpoint[]): number {
  return Object.entries(counts).reduce(
    (sum, [endpoint, count]) => (skip.includes(endpoint as CountedEndpoint) ? sum : sum + count),
    0,
  );
}

/**
 * Signs the stack's user in on a fresh page: opens `/`, clicks "Sign in", submits the hosted-UI form and waits
 * for the signed-in content, counting requests to Cognito from opening the app to the redirect to
 * `/oauth2/authorize`, and after the redirect back (from the browser's request events and from the emulator's counters).
 */
export async function measureSignIn(page: Page, stack: BenchStack, log: NetworkLog): Promise<SignInMetrics> {
  const { controls, domain } = stack.emulator;
  controls.resetRequestCounts();
  const opened = log.mark();
  const signedOutAt = await openSignedOut(page, stack.origin);
  await page.locator(SIGN_IN_BUTTON).click();
  await page.waitForURL((url) => url.origin === domain && url.pathname === '/login');
  const before = log.cognitoRequests(opened);
  const authorizeAt = before.findIndex((event) => event.endpoint === 'authorize');
  if (authorizeAt < 0)
    throw new Error('the browser reached the login page without an /oauth2/authorize request');
  const beforeRedirectServer = serverTotal(controls.requestCounts(), ['authorize', 'login']);

  controls.resetRequestCounts();
  const submitted = log.mark();
  await submitHostedUiForm(page, stack.user);
  await page.locator(SIGNED_IN).waitFor();
  await sleep(SETTLE_MS);
  const server = controls.requestCounts();

  const callbackAt = log.events.findIndex(
    (event, index) =>
      index >= submitted &&
      event.kind === 'request' &&
      event.navigation &&
      event.url.startsWith(`${stack.origin}/callback?`),
  );
  if (callbackAt < 0) throw new Error('no navigation to /callback was seen after the login form');
  const after = log.cognitoRequests(callbackAt);
  const sequence = log.events.slice(callbackAt);
  const jwksStart = sequence.findIndex((event) => event.kind === 'request' && event.endpoint === 'jwks');
  const tokenEnd = sequence.findIndex((event) => event.kind === 'response' && event.endpoint === 'token');

  const { signedInAt } = await readProbe(page);
  if (signedInAt === null) throw new Error('the app showed signed-in content but recorded no time for it');
  // The page's time origin is the login form's submission (the POST that Cognito answers with a redirect to
  // /callback); the callback page itself starts at its navigation entry's fetchStart, after that redirect.
  // Under a clock Playwright fakes (measureRenewal) the page has no navigation timing, and no time is measured.
  const callbackFetchStart = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.fetchStart ?? null,
  );
  return {
    beforeRedirect: authorizeAt,
    beforeRedirectServer,
    afterRedirect: {
      token: countEndpoint(after, 'token'),
      discovery: countEndpoint(after, 'discovery'),
      jwks: countEndpoint(after, 'jwks'),
      userInfo: countEndpoint(after, 'userInfo'),
      total: after.length,
    },
    afterRedirectServer: {
      token: server.token,
      discovery: server.discovery,
      jwks: server.jwks,
      userInfo: server.userInfo,
      total: serverTotal(server, ['login']),
    },
    msToSignInButton: signedOutAt,
    jwksBeforeTokenResponse: jwksStart < 0 ? null : tokenEnd < 0 || jwksStart < tokenEnd,
    msToSignedIn: callbackFetchStart === null ? null : signedInAt - callbackFetchStart,
  };
}
