import type { User } from 'oidc-client-ts';
import type { AuthSession, AuthState, SignInOptions } from '../AuthContext.js';
import { AUTH_ERROR_CODES, AuthError, SESSION_EXPIRED, type AuthErrorCode } from '../AuthError.js';
import { CognitoClient } from '../CognitoClient.js';
import { toCognitoUser, type CognitoUser } from '../CognitoUser.js';
import { MAX_TIMEOUT_MS } from '../maxTimeout.js';
import { redirectTo } from '../redirectTo.js';
import type { ResolvedConfig } from '../resolveConfig.js';
import { sanitizeReturnTo } from '../sanitizeReturnTo.js';
import { renewalDelay } from './renewalDelay.js';
import { parseSession } from './parseSession.js';
import { withLock } from './withLock.js';

/**
 * A message on the tab channel: `'ask'` (a new tab wants the session), a serialised `User` (`'{…'`), `'none'` (the
 * answer of a tab without a session: only a tab still asking takes it), `null` (signed out) or `'!'` and the
 * {@link AuthErrorCode} the session ended with (e.g. `'!refresh'`). Tabs ignore any other message, so that a later
 * version can add messages without ending the sessions of tabs still running this one; it must not send a code this
 * version does not know after `'!'`.
 */
type TabMessage = 'ask' | 'none' | `{${string}` | `!${AuthErrorCode}` | null;

/** A session as the tabs send it: `User.toStorageString()`, a JSON object. */
const serialise = (user: User) => user.toStorageString() as `{${string}`;

const noop = (): void => undefined;

/**
 * The callback URL (Cognito's answer) this page was loaded with, from the first Session built on it — which takes
 * `code` and `state` out of the address bar at once, before anything renders — to another built before one starts
 * (React may build it again, e.g. React 18's StrictMode, once the address bar is clean). Cleared when a Session starts:
 * the one React keeps holds the answer itself.
 */
let landed: string | undefined;

const PEER_WAIT_MS = 150;
/** How long a `signIn()` or a token read on a callback page waits for its (lazily loaded) `<AuthCallback>` to start. */
const CALLBACK_WAIT_MS = 10_000;

/**
 * One signed-in session per provider (internal): an external store for `useSyncExternalStore`, restored
 * synchronously from storage so the first render is already signed in; tab sync over a BroadcastChannel (sign-in,
 * renewal, sign-out, a new tab adopting a peer's session); scheduled renewal by one tab only (the holder of the Web
 * Lock `{name}:leader`), and every renewal under the Web Lock `{name}`, so one token request serves every tab.
 * Its state lives in the constructor's closure, so every member also works detached from the object.
 */
export class Session implements AuthSession {
  /** The resolved configuration. */
  declare readonly config: ResolvedConfig;
  /** The current state (stable between changes). */
  declare getState: () => AuthState;
  /** Subscribes to state changes; returns the unsubscribe function. */
  declare subscribe: (listener: () => void) => () => void;
  /** Wires tab sync, the renewal lead and timer; returns the cleanup. Safe to call again after cleanup. */
  declare start: () => () => void;
  /** Sets the callback run once a sign-in completes in this tab. */
  declare setOnSignIn: (callback: ((user: CognitoUser) => void) | undefined) => void;
  /**
   * Sends the browser to the hosted UI; a failure (e.g. discovery unreachable) also becomes the session's error. A
   * call with the same options while one is in progress joins it (two guards on one page start one sign-in). On a
   * callback page whose `<AuthCallback>` has not started yet, the callback goes first (see {@link CALLBACK_WAIT_MS}).
   */
  declare signIn: (options?: SignInOptions) => Promise<void>;
  /**
   * Revokes the refresh token, clears the session in every tab and navigates to Cognito's `/logout` — after any
   * renewal in flight, under the renewal lock. A failure to find the logout URL also becomes the session's error.
   */
  declare signOut: () => Promise<void>;
  /** The access token, renewed first when near expiry (see `getToken`). */
  declare getAccessToken: () => Promise<string>;
  /** The ID token, renewed first when near expiry (see `getToken`). */
  declare getIdToken: () => Promise<string>;
  /**
   * A token for `createAuthFetch`: renewed first when near expiry or when `forceRenew` (after a 401); while
   * `loading`, once this tab knows whether it has a session (a new tab receives it from another within ms) and, on
   * a callback page, once its sign-in ends (see {@link CALLBACK_WAIT_MS}).
   */
  declare getToken: (kind: 'access' | 'id', options: { forceRenew: boolean }) => Promise<string>;
  /**
   * Finishes the sign-in on the callback page, once however often it is called while in progress: the one this page
   * landed on (its address bar is clean by now, see {@link landed}), else `href`'s. Resolves to the sanitised return
   * path — `/` when the page holds no response this tab is waiting for (reloaded, reached with Back, or an already
   * used `state`) but a session exists (in this tab, or, while `loading`, in another that sends it).
   */
  declare completeSignIn: (href: string) => Promise<string>;

  /** @param config - a configuration checked by `resolveConfig` */
  constructor(config: ResolvedConfig) {
    const client = new CognitoClient(config);
    const renewBefore = config.renewBeforeExpirySeconds;
    const name = `react-cognito-sso:${config.clientId}`;
    const listeners = new Set<() => void>();
    const tabs = typeof BroadcastChannel === 'function';
    const stored = client.read();
    let current = stored && (stored.refresh_token || !stored.expired) ? stored : null;
    // A callback page (Cognito's answer: `state` with `code` or `error`) gives up its answer to `landed` before anything
    // renders. Without a session it starts `loading`, whatever the storage, and stays so until its sign-in ends if
    // <AuthCallback> starts it meanwhile (see settle); a signIn() or a token read there waits for that sign-in (see
    // callbackFirst).
    const query = new URLSearchParams(location.search);
    let onCallback = location.pathname === new URL(config.redirectUri).pathname;
    if (onCallback && query.has('state') && (query.has('code') || query.has('error'))) {
      landed = location.href;
      history.replaceState(history.state, '', location.pathname);
    }
    /** This page's answer, for `<AuthCallback>`. */
    let answer = onCallback ? landed : undefined;
    onCallback = !!answer;
    let state: AuthState = {
      status: current
        ? 'authenticated'
        : (config.storage !== 'local' && tabs) || onCallback
          ? 'loading'
          : 'unauthenticated',
      user: current && toCognitoUser(current),
      error: null,
    };
    let channel: BroadcastChannel | undefined;
    let synced: TabMessage | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let clock: ReturnType<typeof setInterval> | undefined;
    let renewing: Promise<void> | undefined;
    let callback: Promise<string> | undefined;
    /** The sign-in in progress, and the key of its options: a call with the same options joins it. */
    let signingIn: Promise<void> | undefined;
    let signingInKey = '';
    let failures = 0;
    /** Ends the wait of this callback page for its sign-in to start (see callbackFirst). */
    let callbackStarted: (() => void) | undefined;
    let callbackWait: Promise<void> | undefined;
    let onSignIn: ((user: CognitoUser) => void) | undefined;
    /** Another tab asked for the session while this one was still `loading` (and could not answer yet). */
    let asked = false;
    /** This tab runs the scheduled renewals (always, where the Web Locks API is missing). */
    let leader = false;

    /** Logs a flow step (never a token) when `debug` is on. */
    const log = (step: string): void => {
      if (config.debug) console.debug(`[react-cognito-sso] ${step}`);
    };
    const secondsLeft = (user: User): number => (user.expires_at ?? 0) - Date.now() / 1000;
    const set = (next: Partial<AuthState>): void => {
      // Leaving `loading` without a session (no tab has one, or the callback failed): a tab that asked meanwhile is
      // told; a session is sent by `loaded` anyway.
      if (asked && state.status === 'loading' && next.status && !next.user) channel?.postMessage('none');
      state = { ...state, ...next };
      listeners.forEach((listener) => listener());
    };
    /**
     * Ends `loading` without a session — unless this page is finishing a sign-in, which ends it itself (a guard
     * that saw "signed out" meanwhile would start a second sign-in).
     */
    const settle = (): void => {
      if (state.status === 'loading' && !callback) set({ status: 'unauthenticated' });
    };
    /**
     * Resolves once this tab knows whether it has a session: at once unless `loading` (no timer, no listener: every
     * token read passes here), and after the peer wait at most (also when the provider never started or stopped).
     */
    const known = async (): Promise<void> => {
      if (state.status !== 'loading') return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          listeners.delete(check);
          clearTimeout(wait);
          resolve();
        };
        const check = (): void => {
          if (state.status !== 'loading') done();
        };
        const wait = setTimeout(done, PEER_WAIT_MS);
        listeners.add(check);
      });
    };
    /** Records a failed sign-in or sign-out: the session's error, and status `error` unless a session exists. */
    const fail = (error: AuthError): AuthError => {
      set({ status: current ? 'authenticated' : 'error', error });
      return error;
    };
    /**
     * Resolves once this page's sign-in has ended: on a callback page whose (lazily loaded) `<AuthCallback>` has not
     * started yet, once it starts and ends — or after {@link CALLBACK_WAIT_MS} without it (`onCallback` still set).
     * Every caller shares one wait.
     */
    const callbackFirst = async (): Promise<void> => {
      if (onCallback)
        await (callbackWait ??= new Promise<void>((resolve) => {
          callbackStarted = resolve;
          setTimeout(resolve, CALLBACK_WAIT_MS);
        }));
      await callback?.catch(noop);
    };
    const renew = (): Promise<void> => (renewing ??= refresh().finally(() => (renewing = undefined)));
    const renewQuietly = (): void => void renew().catch(noop);
    /**
     * Schedules the next renewal (see {@link renewalDelay}), or a retry after `delayMs`; only in the leading tab. Timers
     * stand still while the device sleeps, so the clock is also checked every 5 s (a separate interval: chained timers
     * in a hidden tab fire only once a minute, and the renewal must not wait for that).
     */
    const schedule = (delayMs?: number): void => {
      clearTimeout(timer);
      clearInterval(clock);
      if (current?.refresh_token && leader) {
        const delay = delayMs ?? renewalDelay(secondsLeft(current), renewBefore);
        const due = Date.now() + delay;
        // A longer timeout would fire at once: a renewal loop. The clock check renews those (a token that long-lived
        // is not Cognito's, which gives a day at most).
        if (delay <= MAX_TIMEOUT_MS) timer = setTimeout(renewQuietly, delay);
        clock = setInterval(() => Date.now() < due || renewQuietly(), 5_000);
      }
    };

    const refresh = async (): Promise<void> => {
      const before = current?.access_token;
      log('renewal: start');
      try {
        await withLock(name, async () => {
          const latest = client.read();
          if (latest && latest.access_token !== before) {
            if (latest.access_token !== current?.access_token) loaded(latest);
            return;
          }
          if (!latest) {
            // Gone from storage (signed out or cleared elsewhere): it ends in this tab too.
            const gone = new AuthError('session', 'The session ended — sign in again.');
            end(gone);
            throw gone;
          }
          const renewed = await client.refresh(latest);
          const now = client.read();
          if (now?.refresh_token !== latest.refresh_token) {
            // Changed meanwhile in another tab: that stands. A renewal there (same user) may share this one's
            // refresh-token family, so only a sign-out or another user's sign-in has this one's tokens revoked.
            if (now?.profile.sub !== latest.profile.sub) await client.revoke(renewed);
            return;
          }
          client.store(renewed);
          loaded(renewed);
        });
      } catch (cause) {
        // Another tab renewed meanwhile (and may have rotated the refresh token we used): its tokens stand.
        if (current && current.access_token !== before) return;
        const error = AuthError.from(cause, 'refresh');
        log(`renewal: failed (${error.code})`);
        if (error.code === 'network') {
          // A renewal that spent the refresh token and could not check the answer may have stored a rotated one beside
          // these tokens (CognitoClient.refresh): this tab and the others take it; the back-off stays.
          const stored = client.read();
          if (stored && stored.access_token === before && stored.refresh_token !== current?.refresh_token) {
            current = stored;
            channel?.postMessage((synced = serialise(stored)));
          }
          set({ error });
          schedule(Math.min(2 ** ++failures, 60) * 1000);
        } else if (error.code !== 'session') {
          end(error);
        }
        throw error;
      }
    };

    /** Takes a stored (or cleared) session into this tab's state and tells the other tabs. */
    const loaded = (user: User | null, error: AuthError | null = null): void => {
      log(user ? 'session: tokens stored' : 'session: cleared');
      const message: TabMessage = user ? serialise(user) : error ? `!${error.code}` : null;
      if (message !== synced) channel?.postMessage(message);
      synced = message;
      current = user;
      failures = 0;
      set(
        user
          ? { status: 'authenticated', user: toCognitoUser(user), error: null }
          : { status: 'unauthenticated', user: null, error },
      );
      schedule();
    };

    /** Clears the session in this tab and every other, reporting `error` as the reason. */
    const end = (error: AuthError | null): void => {
      client.store(null);
      loaded(null, error);
    };

    const receive = (message: unknown): void => {
      if (message === 'ask') {
        // A tab that knows where it stands answers, with or without a session, so the asker need not wait out the
        // others; a tab still asking itself answers once it knows (see settle; loaded broadcasts a session anyway).
        if (state.status === 'loading') asked = true;
        else channel?.postMessage(current ? serialise(current) : 'none');
      } else if (message === 'none') {
        // Never "signed out": a session that another tab broadcasts meanwhile must not be ended by a stale answer.
        settle();
      } else if (message !== synced && (message === null || typeof message === 'string')) {
        const user = message?.[0] === '{' && parseSession(message);
        if (user) {
          synced = message as `{${string}`;
          if (current?.profile.sub === user.profile.sub && (user.expires_at ?? 0) < (current.expires_at ?? 0))
            return;
          client.store(user);
          loaded(user);
        } else if (
          current &&
          (message === null ||
            (message[0] === '!' && (AUTH_ERROR_CODES as readonly string[]).includes(message.slice(1))))
        ) {
          // Signed out (null) or the session ended ('!' and an error code) in another tab: end it here too, with a
          // reason (this tab's own message for it is then `synced`, and is not sent again).
          const code = (message?.slice(1) ?? 'session') as AuthErrorCode;
          synced = `!${code}`;
          end(new AuthError(code, message ? SESSION_EXPIRED : 'Signed out in another tab.'));
        }
      }
    };

    const finishSignIn = async (href: string): Promise<string> => {
      const url = new URL(href);
      try {
        history.replaceState(history.state, '', url.pathname);
        if (!url.searchParams.has('state')) {
          throw new AuthError('state', 'No sign-in in progress (page reloaded?) — sign in again.');
        }
        const user = await client.finishSignIn(href);
        loaded(user);
        if (state.user) onSignIn?.(state.user);
        return sanitizeReturnTo((user.state as { returnTo?: unknown } | undefined)?.returnTo, url.origin);
      } catch (cause) {
        const error = AuthError.from(cause, 'callback');
        if (error.code === 'state') {
          await known(); // a reloaded callback page: another tab may hold the session
          if (current) return '/';
        }
        throw fail(error);
      }
    };

    const getToken = async (
      kind: 'access' | 'id',
      { forceRenew }: { forceRenew: boolean },
    ): Promise<string> => {
      await known(); // a new tab may be about to receive the session from another
      await callbackFirst();
      const user = current;
      if (!user) throw new AuthError('session', 'Not signed in — call signIn() first.');
      if (forceRenew || secondsLeft(user) < renewBefore) {
        await renew().catch((error: unknown) => {
          if (forceRenew || !current || secondsLeft(user) <= 0) throw error;
        });
      }
      if (!current) throw new AuthError('session', 'The session ended — sign in again.');
      return kind === 'id' ? (current.id_token ?? '') : current.access_token;
    };

    Object.assign(this, {
      config,
      getToken,
      getState: () => state,
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      setOnSignIn: (next: typeof onSignIn) => {
        onSignIn = next;
      },
      getAccessToken: () => getToken('access', { forceRenew: false }),
      getIdToken: () => getToken('id', { forceRenew: false }),
      completeSignIn: (href: string) => {
        onCallback = false;
        callbackStarted?.();
        href = answer ?? href;
        answer = undefined;
        return (callback ??= finishSignIn(href).finally(() => (callback = undefined)));
      },
      signIn: (options: SignInOptions = {}) => {
        log('sign-in: redirect to the hosted UI');
        // The known options only, in a fixed order (`onClick={signIn}` passes a click event).
        const { returnTo, identityProvider, loginHint, lang, replace } = options;
        const key = JSON.stringify([returnTo, identityProvider, loginHint, lang, !!replace]);
        if (signingIn && key === signingInKey) return signingIn;
        signingInKey = key;
        const started: Promise<void> = (signingIn = (
          onCallback || callback
            ? // A callback page: its sign-in — in progress, or once its (lazily loaded) <AuthCallback> starts — goes
              // first, and this one (a guard's, in the layout) ends with it instead of leaving the page and losing the
              // code. No <AuthCallback> at all (e.g. its route inside the guard) would loop through the hosted UI:
              // that is a config error.
              callbackFirst().then(() => {
                if (onCallback)
                  throw new AuthError(
                    'config',
                    "No <AuthCallback> started on this callback page within 10 s — render it on the redirect URI's route, outside <RequireAuth>.",
                  );
              })
            : client.signIn(options)
        )
          .catch((cause: unknown) => {
            throw fail(AuthError.from(cause, 'config'));
          })
          .finally(() => {
            if (signingIn === started) signingIn = undefined;
          }));
        return started;
      },
      signOut: async () => {
        // After a renewal in flight (this tab's; under the lock, any tab's), so that what it stored is what is revoked
        // and cleared — not brought back by its answer. The stored session may be newer than this tab's copy.
        await renewing?.catch(noop);
        await withLock(name, async () => {
          await client.revoke(client.read() ?? current);
          end(null);
        });
        redirectTo(
          await client.logoutUrl().catch((error: unknown) => {
            throw fail(AuthError.from(error, 'signout'));
          }),
        );
      },
      start: () => {
        landed = undefined;
        const tab = tabs ? new BroadcastChannel(name) : undefined;
        if (tab) tab.onmessage = ({ data }: MessageEvent<unknown>) => receive(data);
        channel = tab;
        const online = (): void => {
          if (failures) renewQuietly();
        };
        addEventListener('online', online);
        let stopped = false;
        let resign: (() => void) | undefined;
        // One tab at a time leads the scheduled renewals; where the Web Locks API is missing, every tab does.
        const locks = 'locks' in navigator;
        void withLock(`${name}:leader`, async () => {
          if (!stopped) {
            leader = true;
            // Under the Web Lock, every tab started before this one has stopped: no peer is left to answer 'ask'.
            if (locks) settle();
            schedule();
            await new Promise<void>((resolve) => (resign = resolve));
          }
        });
        let peerWait: ReturnType<typeof setTimeout> | undefined;
        if (state.status === 'loading') {
          tab?.postMessage('ask');
          peerWait = setTimeout(settle, PEER_WAIT_MS);
        }
        return () => {
          removeEventListener('online', online);
          clearTimeout(peerWait);
          clearTimeout(timer);
          clearInterval(clock);
          tab?.close();
          channel = undefined;
          stopped = true;
          leader = false;
          resign?.();
        };
      },
    } satisfies Session);
  }
}
