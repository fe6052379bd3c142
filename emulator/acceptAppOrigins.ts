import type { EmulatorClient } from './EmulatorClient.js';

/**
 * The clients with `{origin}/callback` added to their callback URLs and `{origin}/` to their sign-out URLs for each
 * app origin (the CLI's `--app-origin`), so an app on another port signs in without a config file.
 *
 * @param clients - the app clients to extend (not changed)
 * @param origins - app origins, e.g. `http://localhost:5173`
 */
export function acceptAppOrigins(
  clients: readonly EmulatorClient[],
  origins: readonly string[],
): EmulatorClient[] {
  return clients.map((client) => ({
    ...client,
    callbackUrls: [...client.callbackUrls, ...origins.map((origin) => `${origin}/callback`)],
    logoutUrls: [...client.logoutUrls, ...origins.map((origin) => `${origin}/`)],
  }));
}
