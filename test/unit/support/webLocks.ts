/**
 * Installs a Web Locks stand-in on `navigator` (jsdom has none): exclusive, first come first served, per name —
 * what the tabs of one origin share. The shared setup removes it after each test.
 *
 * @returns the names requested so far, in order
 */
export function installWebLocks(): string[] {
  const tails = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  const request = (name: string, callback: () => unknown) => {
    requested.push(name);
    const run = (tails.get(name) ?? Promise.resolve()).then(() => callback());
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
  Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true });
  return requested;
}
