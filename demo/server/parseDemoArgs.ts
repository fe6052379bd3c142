/** The demo's default port: the callback URL the OpenMetadata guide registers is `http://localhost:8585/callback`. */
const DEMO_PORT = 8585;

/** What `npm run demo` was asked for, or why its arguments cannot be used. */
export type DemoArgs = { mode: 'dev' | 'preview'; port: number } | { error: string };

/**
 * Reads the demo's arguments: `--preview` (the production build instead of Vite's dev server) and `--port N` or
 * `--port=N` (1–65535, default {@link DEMO_PORT}).
 *
 * @example parseDemoArgs(['--preview', '--port', '3000']) // { mode: 'preview', port: 3000 }
 */
export function parseDemoArgs(args: readonly string[]): DemoArgs {
  let mode: 'dev' | 'preview' = 'dev';
  let port = DEMO_PORT;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--preview') {
      mode = 'preview';
      continue;
    }
    const inline = /^--port=(.*)$/s.exec(arg);
    if (arg !== '--port' && inline === null) return { error: `Unknown argument ${arg}.` };
    const value = inline === null ? args[(i += 1)] : inline[1];
    port = /^\d{1,5}$/.test(value ?? '') ? Number(value) : 0;
    if (port < 1 || port > 65_535) {
      return {
        error: `--port needs a port number from 1 to 65535${value === undefined ? '.' : `, not "${value}".`}`,
      };
    }
  }
  return { mode, port };
}
