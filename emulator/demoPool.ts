import type { EmulatorClient } from './EmulatorClient.js';
import type { EmulatorUser } from './EmulatorUser.js';

/** Client ID of the built-in demo app client (public, no secret). */
export const DEMO_CLIENT_ID = '3n4b5urk1ft4fl3mg5e62d9ado';

/**
 * The built-in demo users: `admin` / `Admin-Pass-1` (admin@example.com, group `admin`) and `alice` /
 * `Alice-Pass-1` (alice@example.com, no groups). Development data only.
 */
export const DEMO_USERS: EmulatorUser[] = [
  { username: 'admin', password: 'Admin-Pass-1', email: 'admin@example.com', groups: ['admin'] },
  { username: 'alice', password: 'Alice-Pass-1', email: 'alice@example.com' },
];

/** The built-in demo app client: callback http://localhost:8585/callback, sign-out URL http://localhost:8585/. */
export const DEMO_CLIENT: EmulatorClient = {
  clientId: DEMO_CLIENT_ID,
  name: 'react-cognito-sso demo',
  callbackUrls: ['http://localhost:8585/callback'],
  logoutUrls: ['http://localhost:8585/'],
};
