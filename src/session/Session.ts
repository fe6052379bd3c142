import { User } from 'oidc-client-ts';
import type { AuthStatus, SignInOptions } from '../AuthContext.js';
import { AuthError, type AuthErrorCode } from '../AuthError.js';
import { CognitoUserManager } from '../CognitoUserManager.js';
import { toCognitoUser, type CognitoUser } from '../CognitoUser.js';
import type { ResolvedConfig } from '../resolveConfig.js';
import { sanitizeReturnTo } from '../sanitizeReturnTo.js';
import { renewalDelay } from './renewalDelay.js';
import { withLock } from './withLock.js';

/** What components see of the session (internal). */
export interface SessionState {
  status: AuthStatus;
  user: CognitoUser | null;
  error: AuthError | null;
}

/**
 * A message on the tab channel: `'ask'` (a new tab wants the session), a serialised `User` (`'{…'`), `null` (signed
 * out) or the {@link AuthErrorCode} the session ended with (e.g. `'refresh'`).
 */
type TabMessage = string | null;

const PEER_WAIT_MS = 150;

/**
 * One signed-in session per provider (internal): an external store for `useSyncExternalStore`, restored
 * synchronously from storage so the first render is already signed in; tab sync over a BroadcastChannel (sign-in,
 * renewal, sign-out, a new tab adopting a peer's session); scheduled renewal by one tab only (the holder of the Web
 * Lock `{name}:leader`), and every renewal under the Web Lock `{name}`, so one token request serves every tab.
 */
export class Session {
  /** The Cognito-correct `UserManager`, shared with react-oidc-context's `AuthProvider`. */
  readonly manager: CognitoUserManager;
  #state: SessionState;
  #current: User | null;
  readonly #listeners = new Set<() => void>();
  readonly #name: string;
  #channel: BroadcastChannel | undefined;
  #synced: TabMessage | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #renewing: Promise<void> | undefined;
  #callback: Promise<string> | undefined;
  #failures = 0;
  #onSignIn: ((user: CognitoUser) => void) | undefined;
  /** This tab runs the scheduled renewals (always, where the Web Locks API is missing). */
  #leader = false;
  /** Why the session is being cleared, reported once it is. */
  #ending: AuthError | null = null;

  /** @param config - a configuration checked by `resolveConfig` */
  constructor(config: ResolvedConfig) {
    this.manager = new CognitoUserManager(config);
    this.#name = `react-cognito-sso:${config.clientId}`;
    const stored = this.manager.readStoredUser();
    this.#current = stored && (stored.refresh_token || !stored.expired) ? stored : null;
    this.#state = {
      status: this.#current
        ? 'authenticated'
        : config.storage !== 'local' && typeof BroadcastChannel === 'function'
          ? 'loading'
          : 'unauthenticated',
      user: this.#current && toCognitoUser(this.#current),
      error: null,
    };
  }

  /** The current state (stable between changes). */
  getState = (): SessionState => this.#state;

  /** Subscribes to state changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Wires events, tab sync, the renewal lead and timer; returns the cleanup. Safe to call again after cleanup. */
  start(): () => void {
    const { events } = this.manager;
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.#name) : undefined;
    if (channel) channel.onmessage = ({ data }: MessageEvent<TabMessage>) => void this.#receive(data);
    this.#channel = channel;
    const online = (): void => {
      if (this.#failures) this.#renewQuietly();
    };
    const offLoaded = events.addUserLoaded((user) => this.#loaded(user));
    const offUnloaded = events.addUserUnloaded(() => this.#loaded(null));
    addEventListener('online', online);
    let stopped = false;
    let resign: (() => void) | undefined;
    // One tab at a time leads the scheduled renewals; where the Web Locks API is missing, every tab does.
    void withLock(`${this.#name}:leader`, async () => {
      if (!stopped) {
        this.#leader = true;
        this.#schedule();
        await new Promise<void>((resolve) => (resign = resolve));
      }
    });
    let peerWait: ReturnType<typeof setTimeout> | undefined;
    if (this.#state.status === 'loading') {
      channel?.postMessage('ask');
      peerWait = setTimeout(
        () => this.#state.status === 'loading' && this.#set({ status: 'unauthenticated' }),
        PEER_WAIT_MS,
      );
    }
    return () => {
      offLoaded();
      offUnloaded();
      removeEventListener('online', online);
      clearTimeout(peerWait);
      clearTimeout(this.#timer);
      channel?.close();
      this.#channel = undefined;
      stopped = true;
      this.#leader = false;
      resign?.();
    };
  }

  /** Sets the callback run once a sign-in completes in this tab. */
  setOnSignIn(callback: ((user: CognitoUser) => void) | undefined): void {
    this.#onSignIn = callback;
  }

  /** Sends the browser to the hosted UI; a failure (e.g. discovery unreachable) also becomes the session's error. */
  signIn = (options: SignInOptions = {}): Promise<void> => {
    this.#log('sign-in: redirect to the hosted UI');
    const extra = { identity_provider: options.identityProvider, lang: options.lang };
    return this.manager
      .signinRedirect({
        state: { returnTo: options.returnTo },
        ...(options.loginHint && { login_hint: options.loginHint }),
        extraQueryParams: JSON.parse(JSON.stringify(extra)) as Record<string, string>,
      })
      .catch((cause: unknown) => {
        throw this.#fail(AuthError.from(cause, 'config'));
      });
  };

  /** Revokes the refresh token, clears the session in every tab and navigates to Cognito's `/logout`. */
  signOut = (): Promise<void> =>
    this.manager.signoutRedirect().catch((error: unknown) => {
      throw AuthError.from(error, 'signout');
    });

  /** The access token, renewed first when near expiry. */
  getAccessToken = (): Promise<string> => this.getToken('access', { forceRenew: false });

  /** The ID token, renewed first when near expiry. */
  getIdToken = (): Promise<string> => this.getToken('id', { forceRenew: false });

  /** A token for `createAuthFetch`: renewed first when near expiry or when `forceRenew` (after a 401). */
  getToken = async (kind: 'access' | 'id', { forceRenew }: { forceRenew: boolean }): Promise<string> => {
    const user = this.#current;
    if (!user) throw new AuthError('session', 'Not signed in — call signIn() first.');
    if (forceRenew || this.#secondsLeft(user) < this.manager.config.renewBeforeExpirySeconds) {
      await this.renew().catch((error: unknown) => {
        if (forceRenew || !this.#current || this.#secondsLeft(user) <= 0) throw error;
      });
    }
    if (!this.#current) throw new AuthError('session', 'The session ended — sign in again.');
    return kind === 'id' ? (this.#current.id_token ?? '') : this.#current.access_token;
  };

  /**
   * Finishes the sign-in on the callback page, once however often it is called while in progress; drops `code`
   * and `state` from the address bar first. Resolves to the sanitised return path — `/` when the page holds no
   * response this tab is waiting for (reloaded, reached with Back, or an already used `state`) but a session exists.
   */
  completeSignIn(href: string): Promise<string> {
    this.#callback ??= this.#finishSignIn(href).finally(() => (this.#callback = undefined));
    return this.#callback;
  }

  /** Renews the tokens now: one renewal at a time in this tab, and across tabs under a Web Lock. */
  renew(): Promise<void> {
    this.#renewing ??= this.#refresh().finally(() => (this.#renewing = undefined));
    return this.#renewing;
  }

  async #finishSignIn(href: string): Promise<string> {
    const url = new URL(href);
    try {
      if (!url.searchParams.has('state')) {
        throw new AuthError('state', 'No sign-in in progress (page reloaded?) — sign in again.');
      }
      history.replaceState(history.state, '', url.pathname);
      const user = await this.manager.signinRedirectCallback(href);
      this.#onSignIn?.(toCognitoUser(user));
      return sanitizeReturnTo((user.state as { returnTo?: unknown } | undefined)?.returnTo, url.origin);
    } catch (cause) {
      const error = AuthError.from(cause, 'callback');
      if (error.code === 'state' && this.#current) return '/';
      throw this.#fail(error);
    }
  }

  async #refresh(): Promise<void> {
    const before = this.#current?.access_token;
    this.#log('renewal: start');
    try {
      await withLock(this.#name, async () => {
        const stored = this.manager.readStoredUser();
        if (stored && stored.access_token !== before) {
          if (stored.access_token !== this.#current?.access_token) await this.manager.events.load(stored);
          return;
        }
        await this.manager.signinSilent();
      });
    } catch (cause) {
      // Another tab renewed meanwhile (and may have rotated the refresh token we used): its tokens stand.
      if (this.#current && this.#current.access_token !== before) return;
      const error = AuthError.from(cause, 'refresh');
      this.#log(`renewal: failed (${error.code})`);
      if (error.code === 'network') {
        this.#set({ error });
        this.#schedule(Math.min(2 ** ++this.#failures, 60) * 1000);
      } else if (error.code !== 'session') {
        this.#ending = error;
        await this.manager.removeUser();
      }
      throw error;
    }
  }

  #renewQuietly(): void {
    this.renew().catch(() => undefined);
  }

  #loaded(user: User | null): void {
    const error = this.#ending;
    this.#ending = null;
    this.#log(user ? 'session: tokens stored' : 'session: cleared');
    const message = user?.toStorageString() ?? error?.code ?? null;
    if (message !== this.#synced) this.#channel?.postMessage(message);
    this.#synced = message;
    this.#current = user;
    this.#failures = 0;
    this.#set(
      user
        ? { status: 'authenticated', user: toCognitoUser(user), error: null }
        : { status: 'unauthenticated', user: null, error },
    );
    this.#schedule();
  }

  async #receive(message: TabMessage): Promise<void> {
    if (message === 'ask') {
      if (this.#current) this.#channel?.postMessage(this.#current.toStorageString());
    } else if (message !== this.#synced) {
      if (message?.[0] === '{') {
        this.#synced = message;
        const user = User.fromStorageString(message);
        const mine = this.#current;
        if (mine?.profile.sub === user.profile.sub && (user.expires_at ?? 0) < (mine.expires_at ?? 0)) return;
        await this.manager.storeUser(user);
        await this.manager.events.load(user);
      } else if (this.#current) {
        // Signed out (null) or the session ended (an error code) in another tab: end it here too, with a reason.
        const code = (message ?? 'session') as AuthErrorCode;
        this.#synced = code;
        this.#ending = new AuthError(
          code,
          message ? 'Session expired — sign in again.' : 'Signed out in another tab.',
        );
        await this.manager.removeUser();
      }
    }
  }

  /** Schedules the next renewal (see {@link renewalDelay}), or a retry after `delayMs`; only in the leading tab. */
  #schedule(delayMs?: number): void {
    clearTimeout(this.#timer);
    const user = this.#current;
    if (!user?.refresh_token || !this.#leader) return;
    this.#timer = setTimeout(
      () => this.#renewQuietly(),
      delayMs ?? renewalDelay(this.#secondsLeft(user), this.manager.config.renewBeforeExpirySeconds),
    );
  }

  /** Records a failed sign-in: the session's error, and status `error` unless a session exists. */
  #fail(error: AuthError): AuthError {
    this.#set({ status: this.#current ? 'authenticated' : 'error', error });
    return error;
  }

  /** Logs a flow step (never a token) when `debug` is on. */
  #log(step: string): void {
    if (this.manager.config.debug) console.debug(`[react-cognito-sso] ${step}`);
  }

  #secondsLeft(user: User): number {
    return (user.expires_at ?? 0) - Date.now() / 1000;
  }

  #set(next: Partial<SessionState>): void {
    this.#state = { ...this.#state, ...next };
    this.#listeners.forEach((listener) => listener());
  }
}
