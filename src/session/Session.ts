import { User } from 'oidc-client-ts';
import type { AuthStatus, SignInOptions } from '../AuthContext.js';
import { AuthError } from '../AuthError.js';
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

/** A message on the tab channel: a peer asks for the session, or a session (serialised `User`) / sign-out (`null`). */
type TabMessage = 'ask' | string | null;

const PEER_WAIT_MS = 150;

/**
 * One signed-in session per provider (internal): an external store for `useSyncExternalStore`, restored
 * synchronously from storage so the first render is already signed in; renewal before expiry, one at a time per
 * tab and across tabs under a Web Lock; and tab sync over a BroadcastChannel (sign-in, renewal, sign-out, and a
 * new tab adopting a peer's session).
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
  #active = false;

  /** @param config - a configuration checked by `resolveConfig` */
  constructor(config: ResolvedConfig) {
    this.manager = new CognitoUserManager(config);
    this.#name = `react-cognito-sso:${config.clientId}`;
    const stored = this.manager.readStoredUser();
    this.#current = stored && (stored.refresh_token || !stored.expired) ? stored : null;
    const askPeers = !this.#current && config.storage !== 'local' && typeof BroadcastChannel === 'function';
    this.#state = {
      status: this.#current ? 'authenticated' : askPeers ? 'loading' : 'unauthenticated',
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

  /** Wires events, tab sync and the renewal timer; returns the cleanup. Safe to call again after cleanup. */
  start(): () => void {
    const { events } = this.manager;
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.#name) : undefined;
    if (channel) channel.onmessage = ({ data }: MessageEvent<TabMessage>) => void this.#receive(data);
    this.#channel = channel;
    this.#active = true;
    const online = (): void => {
      if (this.#failures) this.#renewQuietly();
    };
    const offLoaded = events.addUserLoaded((user) => this.#loaded(user));
    const offUnloaded = events.addUserUnloaded(() => this.#loaded(null));
    window.addEventListener('online', online);
    let peerWait: ReturnType<typeof setTimeout> | undefined;
    if (this.#state.status === 'loading') {
      channel?.postMessage('ask');
      peerWait = setTimeout(
        () => this.#state.status === 'loading' && this.#set({ status: 'unauthenticated' }),
        PEER_WAIT_MS,
      );
    }
    this.#schedule();
    return () => {
      offLoaded();
      offUnloaded();
      window.removeEventListener('online', online);
      clearTimeout(peerWait);
      clearTimeout(this.#timer);
      channel?.close();
      this.#channel = undefined;
      this.#active = false;
    };
  }

  /** Sets the callback run once a sign-in completes in this tab. */
  setOnSignIn(callback: ((user: CognitoUser) => void) | undefined): void {
    this.#onSignIn = callback;
  }

  /** Sends the browser to the hosted UI; a failure (e.g. discovery unreachable) also becomes the session's error. */
  signIn = (options: SignInOptions = {}): Promise<void> => {
    this.#log('sign-in: redirect to the hosted UI');
    const extra = Object.entries({ identity_provider: options.identityProvider, lang: options.lang });
    return this.manager
      .signinRedirect({
        state: { returnTo: options.returnTo },
        ...(options.loginHint && { login_hint: options.loginHint }),
        extraQueryParams: Object.fromEntries(extra.filter((entry): entry is [string, string] => !!entry[1])),
      })
      .catch((cause: unknown) => {
        const error = AuthError.from(cause, 'config');
        this.#set({ status: this.#current ? 'authenticated' : 'error', error });
        throw error;
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
   * and `state` from the address bar first. Resolves to the sanitised return path.
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
    if (!url.searchParams.has('state')) {
      if (this.#current) return '/';
      throw new AuthError(
        'state',
        'No sign-in is in progress (the page was reloaded or opened directly) — sign in again.',
      );
    }
    window.history.replaceState(window.history.state, '', url.pathname);
    this.#log('callback: completing the sign-in');
    try {
      const user = await this.manager.signinRedirectCallback(href);
      this.#onSignIn?.(toCognitoUser(user));
      return sanitizeReturnTo(
        (user.state as { returnTo?: unknown } | undefined)?.returnTo,
        this.manager.config.appOrigin,
      );
    } catch (cause) {
      const error = AuthError.from(cause, 'callback');
      this.#set({ status: this.#current ? 'authenticated' : 'error', error });
      throw error;
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
        this.#failures++;
        this.#set({ error });
        this.#schedule(Math.min(2 ** this.#failures, 60) * 1000);
      } else if (error.code !== 'session') {
        await this.manager.removeUser();
        this.#set({ error });
      }
      throw error;
    }
  }

  #renewQuietly(): void {
    this.renew().catch(() => undefined);
  }

  #loaded(user: User | null): void {
    this.#log(user ? 'session: tokens stored' : 'session: cleared');
    const message = user?.toStorageString() ?? null;
    if (message !== this.#synced) this.#channel?.postMessage(message);
    this.#synced = message;
    this.#current = user;
    this.#failures = 0;
    this.#set(
      user
        ? { status: 'authenticated', user: toCognitoUser(user), error: null }
        : { status: 'unauthenticated', user: null, error: null },
    );
    this.#schedule();
  }

  async #receive(message: TabMessage): Promise<void> {
    if (message === 'ask') {
      if (this.#current) this.#channel?.postMessage(this.#current.toStorageString());
      return;
    }
    if (message === this.#synced) return;
    this.#synced = message;
    if (message === null) {
      if (this.#current) await this.manager.removeUser();
      return;
    }
    const user = User.fromStorageString(message);
    const mine = this.#current;
    if (mine && mine.profile.sub === user.profile.sub && (user.expires_at ?? 0) < (mine.expires_at ?? 0))
      return;
    await this.manager.storeUser(user);
    await this.manager.events.load(user);
  }

  /** Schedules the next renewal (see {@link renewalDelay}), or a retry after `delayMs`. */
  #schedule(delayMs?: number): void {
    clearTimeout(this.#timer);
    const user = this.#current;
    if (!user?.refresh_token || !this.#active) return;
    const delay =
      delayMs ?? renewalDelay(this.#secondsLeft(user), this.manager.config.renewBeforeExpirySeconds);
    this.#timer = setTimeout(() => this.#renewQuietly(), delay);
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
