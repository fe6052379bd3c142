import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * The first line `child` prints on stdout. Rejects when it exits first or prints nothing within `timeoutMs`;
 * either way its listeners are removed.
 *
 * @example const line = await firstLine(spawn('node', ['emulator.mjs']), 20_000);
 */
export function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (child.stdout === null) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    const done = (): void => {
      clearTimeout(timer);
      child.off('exit', exited);
      lines.close();
    };
    const exited = (code: number | null): void => {
      done();
      reject(new Error(`exited with ${String(code)} before printing`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`printed nothing within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('exit', exited);
    lines.once('line', (line) => {
      done();
      resolve(line);
    });
  });
}
