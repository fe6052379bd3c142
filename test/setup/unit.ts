import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// findBy* and waitFor wait up to 3 s instead of Testing Library's 1 s: the integration suites go over real HTTP and
// WebCrypto, which a busy 2-core CI machine can stretch past 1 s (and 3 s stays under the unit tests' 5 s timeout).
configure({ asyncUtilTimeout: 3_000 });

// With the unit and integration projects' `mockReset`, `restoreMocks` and `unstubGlobals` (vite.config.ts), every
// test also starts with fresh mocks (the mocked `redirectTo` among them), real spied methods and real globals.
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  Reflect.deleteProperty(navigator, 'locks'); // a test's Web Locks stand-in
});
