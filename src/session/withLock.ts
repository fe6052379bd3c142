/**
 * Runs `task` under the Web Lock `name`, so that only one tab at a time does it; runs it directly where the Web
 * Locks API is missing (internal). Under the lock it first yields one task, so that what the previous holder
 * broadcast before releasing the lock (e.g. its renewed tokens) is received before `task` looks at the session.
 *
 * @see https://developer.mozilla.org/docs/Web/API/Web_Locks_API
 */
export async function withLock(name: string, task: () => Promise<void>): Promise<void> {
  if (!('locks' in navigator)) return task();
  await navigator.locks.request(name, async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await task();
  });
}
