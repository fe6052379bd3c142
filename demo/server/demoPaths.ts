import { fileURLToPath } from 'node:url';

/** The demo's Vite configuration (root `demo/`, output `demo/dist`). */
export const DEMO_VITE_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** Where `npm run demo:build` writes the production build. */
export const DEMO_DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));
