import { DEMO_USERS } from 'react-cognito-sso/emulator';
import type { EmulatorUser } from 'react-cognito-sso/emulator';

/** One of the emulator's demo users by name (`admin`: group admin; `alice`: no groups). */
export function demoUser(username: 'admin' | 'alice'): EmulatorUser {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`the emulator has no demo user ${username}`);
  return user;
}
