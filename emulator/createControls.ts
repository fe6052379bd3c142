import type { EmulatorContext } from './EmulatorContext.js';
import type { EmulatorControls } from './EmulatorControls.js';

/** The {@link EmulatorControls} of a running emulator; invalid arguments throw a RangeError. */
export function createControls(ctx: EmulatorContext): EmulatorControls {
  return {
    failNext: (endpoint, count, fault) => ctx.faults.failNext(endpoint, count, fault),
    rotateSigningKeys: () => {
      ctx.keys.rotate();
      ctx.config.log('controls: signing keys rotated');
    },
    setClockOffsetSeconds: (seconds) => ctx.clock.setOffsetSeconds(seconds),
    requestCounts: () => ctx.counts.snapshot(),
    resetRequestCounts: () => ctx.counts.reset(),
    revokeUserSessions: (username) => {
      const user = typeof username === 'string' ? ctx.users.get(username.toLowerCase()) : undefined;
      if (user === undefined) throw new RangeError(`revokeUserSessions: no user ${String(username)}`);
      const count = ctx.refreshTokens.revokeUser(user.username);
      ctx.config.log(`controls: ${count} session(s) of ${user.username} revoked`);
    },
    tamperNextIdToken: (tamper) => ctx.minter.tamperNextIdToken(tamper),
  };
}
