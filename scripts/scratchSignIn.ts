/**
 * The scratch app's end-to-end sign-in, for `npm run check:package`: the app built from the tarball is served from
 * its `dist/` on a free loopback port, the Cognito emulator of the installed tarball runs next to it in a child
 * `node` process, and headless Chromium signs in on the hosted UI and signs out through Cognito's `/logout`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { createStaticHandler } from '../demo/server/createStaticHandler.js';
import { closeServer, listen } from '../demo/server/listen.js';
import { launchBrowser } from '../test/e2e/support/launchBrowser.js';
import { submitHostedUiForm } from '../test/e2e/support/signIn.js';
import { firstLine } from './firstLine.js';

/** The browser entry of the scratch app (`src/main.tsx`): one page with sign-in, "Signed in as", sign-out. */
export const SCRATCH_SIGN_IN_APP = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthCallback, CognitoProvider, useAuth } from 'react-cognito-sso';
import type { CognitoConfig } from 'react-cognito-sso';

/** Where Cognito is, read at start-up from /config.json (written by the deployment, here by check:package). */
type RuntimeConfig = Required<Pick<CognitoConfig, 'userPoolId' | 'clientId' | 'endpoint' | 'domain'>>;

function Home() {
  const { status, user, error, signIn, signOut } = useAuth();
  if (status === 'loading') return <p role="status">Loading…</p>;
  if (user !== null) {
    return (
      <main>
        <p>Signed in as {user.email}</p>
        <button type="button" onClick={() => void signOut().catch(() => undefined)}>Sign out</button>
      </main>
    );
  }
  return (
    <main>
      {error !== null && <p role="alert">{error.code}: {error.message}</p>}
      <button type="button" onClick={() => void signIn({ returnTo: '/' }).catch(() => undefined)}>Sign in</button>
    </main>
  );
}

function App() {
  return window.location.pathname === '/callback' ? <AuthCallback /> : <Home />;
}

const container = document.getElementById('root');
if (container === null) throw new Error('#root is missing');
const root = createRoot(container);
fetch('/config.json')
  .then(async (response) => {
    if (!response.ok) throw new Error(\`/config.json answered \${response.status}\`);
    return (await response.json()) as RuntimeConfig;
  })
  .then((config) =>
    root.render(
      <StrictMode>
        <CognitoProvider
          userPoolId={config.userPoolId}
          clientId={config.clientId}
          endpoint={config.endpoint}
          domain={config.domain}
        >
          <App />
        </CognitoProvider>
      </StrictMode>,
    ),
  )
  .catch((error: unknown) => root.render(<p role="alert">{String(error)}</p>));
`;

/**
 * The API the sign-in page does not use, written as the README shows it (`src/apiUsage.tsx`): type-checked with
 * the app, not bundled.
 */
export const SCRATCH_API_USAGE = `import { useState } from 'react';
import { AuthError, RequireAuth, configFromOpenMetadata, useAuth, useAuthFetch } from 'react-cognito-sso';
import type { CognitoConfig } from 'react-cognito-sso';

type TeamClaims = { 'custom:team'?: string };

export const openMetadataConfig: CognitoConfig = configFromOpenMetadata(
  {
    provider: 'aws-cognito',
    providerName: 'Cognito',
    clientType: 'public',
    clientId: '3n4b5urk1ft4fl3mg5e62d9ado',
    authority: 'http://127.0.0.1:9229/us-east-1_Em0lat0r',
    callbackUrl: 'http://localhost:5173/callback',
  },
  { domain: 'http://127.0.0.1:9230', storage: 'session' },
);

export function SignInAgain() {
  const { signIn, error } = useAuth();
  const label = error instanceof AuthError ? \`Sign in again (\${error.code})\` : 'Sign in';
  return <button onClick={() => void signIn({ returnTo: '/team' })}>{label}</button>;
}

function TeamProfile() {
  const { user } = useAuth<TeamClaims>();
  const authFetch = useAuthFetch();
  const [status, setStatus] = useState('');
  const team: string | undefined = user?.claims['custom:team'];
  return (
    <main>
      <p>{user?.username} {team} {user?.groups.join(', ')}</p>
      <button onClick={() => void authFetch('/api/me').then((response) => setStatus(String(response.status)))}>
        Call API {status}
      </button>
    </main>
  );
}

export function AdminTeamPage() {
  return (
    <RequireAuth groups={['admin']} fallback={<p>Admins only.</p>} loading={<SignInAgain />}>
      <TeamProfile />
    </RequireAuth>
  );
}
`;

/**
 * `emulator.mjs` in the scratch app: starts the emulator of the installed tarball with a client for the app's
 * origin (argv[2]), prints one JSON line (the provider's props and alice from DEMO_USERS), logs to stderr, and
 * stops on SIGTERM or when its stdin closes (check:package went away).
 */
export const SCRATCH_EMULATOR_SCRIPT = `import { DEMO_CLIENT_ID, DEMO_USERS, startCognitoEmulator } from 'react-cognito-sso/emulator';

const appOrigin = process.argv[2];
const user = DEMO_USERS.find((candidate) => candidate.username === 'alice');
if (appOrigin === undefined) throw new Error('usage: node emulator.mjs <app origin>');
if (user === undefined) throw new Error('DEMO_USERS has no alice');

const emulator = await startCognitoEmulator({
  clients: [{ clientId: DEMO_CLIENT_ID, callbackUrls: [\`\${appOrigin}/callback\`], logoutUrls: [\`\${appOrigin}/\`] }],
  log: (line) => console.error(line),
});
console.log(
  JSON.stringify({
    config: { userPoolId: emulator.userPoolId, clientId: DEMO_CLIENT_ID, endpoint: emulator.issuerOrigin, domain: emulator.domain },
    user: { username: user.username, password: user.password, email: user.email },
  }),
);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  emulator.stop().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.once('SIGTERM', stop);
process.stdin.once('end', stop);
process.stdin.resume();
`;

/** What `emulator.mjs` prints. */
interface EmulatorLine {
  config: { userPoolId: string; clientId: string; endpoint: string; domain: string };
  user: { username: string; password: string; email: string };
}

/** A failed sign-in check, with what to read: the emulator's log, the page's console and the last page text. */
export class ScratchSignInFailure extends Error {
  constructor(
    message: string,
    readonly details: string,
  ) {
    super(message);
  }
}

/**
 * Serves `root` with the demo's static handler (files read from disk per request, so a `config.json` written
 * after start is served; `index.html` for every other path) on a free 127.0.0.1 port. Resolves with the app's
 * origin on `localhost`.
 */
async function serveSpa(root: string): Promise<{ origin: string; server: Server }> {
  const handle = createStaticHandler(root);
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  return { origin: `http://localhost:${await listen(server, 0)}`, server };
}

/** Reads the emulator's one JSON line (20 s at most). */
async function emulatorLine(child: ChildProcess, log: () => string): Promise<EmulatorLine> {
  const fail = (message: string): never => {
    throw new ScratchSignInFailure(`node emulator.mjs: ${message}`, log());
  };
  const line = await firstLine(child, 20_000).catch((error: unknown) => fail((error as Error).message));
  try {
    const parsed = JSON.parse(line) as Partial<EmulatorLine>;
    if (typeof parsed.config?.endpoint !== 'string' || typeof parsed.user?.password !== 'string')
      throw new Error('no config or user');
    return parsed as EmulatorLine;
  } catch (error) {
    return fail(`printed ${JSON.stringify(line)} (${(error as Error).message})`);
  }
}

async function stopEmulator(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The time since `start` (a `performance.now()`), as "1.2 s". */
function since(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

/**
 * Signs in on the hosted UI and out through `/logout`; returns the lines of the step's summary. A failure names
 * what it was doing.
 */
async function driveChromium(page: Page, origin: string, emulator: EmulatorLine): Promise<string[]> {
  const { domain, clientId } = emulator.config;
  const { username, email } = emulator.user;
  const signedInText = `Signed in as ${email}`;
  const signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
  const callbacks: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (request.isNavigationRequest() && url.startsWith(`${origin}/callback?`)) callbacks.push(url);
  });
  let doing = '';
  const check = (condition: boolean, problem: string): void => {
    if (!condition) throw new Error(problem);
  };
  try {
    let start = performance.now();
    doing = `opening ${origin}/ and clicking "Sign in"`;
    await page.goto(`${origin}/`);
    await signInButton.click();
    doing = `waiting for the hosted UI on ${domain}`;
    await page.waitForURL((url) => url.origin === domain);
    doing = `signing in as ${username} on the hosted UI`;
    await submitHostedUiForm(page, emulator.user);
    doing = `waiting for "${signedInText}"`;
    await page.getByText(signedInText, { exact: true }).waitFor();
    check(page.url() === `${origin}/`, `signed in on ${page.url()} rather than ${origin}/`);
    check(callbacks.length === 1, `${callbacks.length} navigations to /callback, not one`);
    const signInTime = since(start);

    start = performance.now();
    doing = 'clicking "Sign out" and waiting for POST /oauth2/revoke';
    const revoke = page.waitForResponse(
      (response) => response.url() === `${domain}/oauth2/revoke` && response.request().method() === 'POST',
    );
    const backFromLogout = page.waitForResponse(
      (response) =>
        response.url() === `${origin}/` &&
        response.request().redirectedFrom()?.url().startsWith(`${domain}/logout?`) === true,
    );
    // Awaited below; a failure before that must not become an unhandled rejection.
    revoke.catch(() => undefined);
    backFromLogout.catch(() => undefined);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const revoked = await revoke;
    check(revoked.ok(), `POST ${domain}/oauth2/revoke answered ${revoked.status()}`);
    doing = `waiting for ${domain}/logout to redirect to ${origin}/`;
    const logout = new URL((await backFromLogout).request().redirectedFrom()?.url() ?? 'about:blank');
    check(
      logout.searchParams.get('client_id') === clientId &&
        logout.searchParams.get('logout_uri') === `${origin}/`,
      `/logout was called as ${logout.href}, not with client_id ${clientId} and logout_uri ${origin}/`,
    );
    doing = 'waiting for "Sign in" after /logout';
    await signInButton.waitFor();
    check((await page.getByText(signedInText).count()) === 0, 'still signed in after /logout');
    doing = 'reloading after /logout';
    await page.reload();
    await signInButton.waitFor();
    check((await page.getByText(signedInText).count()) === 0, 'signed in again after /logout and a reload');
    doing = 'signing in again after /logout';
    await signInButton.click();
    await page.waitForURL((url) => url.origin === domain);
    check(
      await page.getByLabel('Password').isVisible(),
      'after /logout the hosted UI signed in again without asking for the password',
    );
    const signOutTime = since(start);

    return [
      `${username} signs in on the hosted UI at ${domain} → /callback → "${signedInText}" (${signInTime})`,
      `"Sign out" → revoke ${revoked.status()} → /logout → ${origin}/ signed out, also after a reload; the hosted UI asks for the password again (${signOutTime})`,
    ];
  } catch (error) {
    throw new Error(`${doing}: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
}

/**
 * Runs the built scratch app in `appDir` (its `dist/`, `emulator.mjs` and installed `react-cognito-sso`) against
 * the emulator in headless Chromium; stops the server, the emulator and the browser whatever happens. Resolves with
 * the step's summary; rejects with a {@link ScratchSignInFailure} (or the browser launcher's error).
 */
export async function scratchSignIn(appDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const started = performance.now();
  const dist = join(appDir, 'dist');
  const { origin, server } = await serveSpa(dist);
  let log = '';
  const pageLog: string[] = [];
  const emulatorProcess = spawn(process.execPath, ['emulator.mjs', origin], {
    cwd: appDir,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  emulatorProcess.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const details = (): string =>
    [
      log.trim() === '' ? 'emulator log: (empty)' : `emulator log:\n${log.trimEnd()}`,
      ...(pageLog.length === 0 ? [] : [`page:\n${pageLog.join('\n')}`]),
    ].join('\n');
  const [emulatorResult, browserResult] = await Promise.allSettled([
    emulatorLine(emulatorProcess, () => log),
    launchBrowser(),
  ]);
  try {
    if (emulatorResult.status === 'rejected') throw emulatorResult.reason;
    if (browserResult.status === 'rejected') throw browserResult.reason;
    const emulator = emulatorResult.value;
    await writeFile(join(dist, 'config.json'), JSON.stringify(emulator.config));
    const ready = since(started);
    const page = await (await browserResult.value.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => pageLog.push(`console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => pageLog.push(`page error: ${error.message}`));
    // Sent and never answered (the emulator logs a request when its answer ends): a hang, on either side.
    const pending = new Set<Request>();
    page.on('request', (request) => pending.add(request));
    page.on('requestfinished', (request) => pending.delete(request));
    page.on('requestfailed', (request) => {
      pending.delete(request);
      pageLog.push(
        `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`,
      );
    });
    try {
      const lines = await driveChromium(page, origin, emulator);
      return [
        `${origin} (dist/ + SPA fallback), react-cognito-sso/emulator from the tarball and headless Chromium up in ${ready}`,
        ...lines,
      ].join('\n');
    } catch (error) {
      const text = await page
        .locator('body')
        .innerText({ timeout: 1_000 })
        .catch(() => '(unreadable)');
      pageLog.push(
        ...[...pending].map((request) => `no answer yet: ${request.method()} ${request.url()}`),
        `last page: ${page.url()}\n${text.trim()}`,
      );
      throw new ScratchSignInFailure((error as Error).message, details());
    }
  } finally {
    if (browserResult.status === 'fulfilled') await browserResult.value.close();
    await stopEmulator(emulatorProcess);
    await closeServer(server);
  }
}
