import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

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
