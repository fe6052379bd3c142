import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/ci-summary.mjs', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ci-summary-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * A vitest JSON report with these counts, the tests in one file; `loadFailures` files that failed before any test
 * ran, `hookFailures` files whose `beforeAll` failed, so that their two tests were skipped.
 */
function report(counts: {
  passed: number;
  failed: number;
  pending?: number;
  todo?: number;
  loadFailures?: number;
  hookFailures?: number;
}) {
  const failedFile = (tests: { status: string }[]) => ({ status: 'failed', assertionResults: tests });
  return {
    numPassedTests: counts.passed,
    numFailedTests: counts.failed,
    numPendingTests: (counts.pending ?? 0) + 2 * (counts.hookFailures ?? 0),
    numTodoTests: counts.todo ?? 0,
    testResults: [
      {
        status: counts.failed > 0 ? 'failed' : 'passed',
        assertionResults: [
          ...Array.from({ length: counts.passed }, () => ({ status: 'passed' })),
          ...Array.from({ length: counts.failed }, () => ({ status: 'failed' })),
        ],
      },
      ...Array.from({ length: counts.loadFailures ?? 0 }, () => failedFile([])),
      ...Array.from({ length: counts.hookFailures ?? 0 }, () =>
        failedFile([{ status: 'skipped' }, { status: 'skipped' }]),
      ),
    ],
  };
}

/** Runs the script on `content` (written as the report; `null`: no report file) and vitest's exit `status`. */
async function summarise(
  content: object | null,
  status = 0,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  if (content !== null) await writeFile(file, JSON.stringify(content));
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [SCRIPT, file, String(status)], (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('scripts/ci-summary.mjs: the closing line CI reads', () => {
  it('prints "N passed, 0 failed" and exits 0 for a green run', async () => {
    expect(await summarise(report({ passed: 12, failed: 0 }))).toEqual({
      code: 0,
      stdout: '12 passed, 0 failed\n',
      stderr: '',
    });
  });

  it('counts failed tests and files that failed before any test ran, and exits 1', async () => {
    const result = await summarise(report({ passed: 10, failed: 2, loadFailures: 1 }), 1);
    expect([result.code, result.stdout]).toEqual([1, '10 passed, 3 failed\n']);
  });

  it('counts a file whose beforeAll failed as one failure, its skipped tests as skipped', async () => {
    const result = await summarise(report({ passed: 4, failed: 0, hookFailures: 1 }), 1);
    expect(result).toEqual({ code: 1, stdout: '4 passed, 1 failed, 2 skipped\n', stderr: '' });
  });

  it('counts one failure when vitest failed outside any test (an unhandled error), instead of "0 failed"', async () => {
    const result = await summarise(report({ passed: 12, failed: 0 }), 1);
    expect(result).toEqual({
      code: 1,
      stdout: '12 passed, 1 failed\n',
      stderr: 'vitest exited 1 although no test failed: see the errors it printed above\n',
    });
  });

  it('names skipped and todo tests, never counting them as passed', async () => {
    const result = await summarise(report({ passed: 5, failed: 0, pending: 2, todo: 1 }));
    expect([result.code, result.stdout]).toEqual([0, '5 passed, 0 failed, 3 skipped\n']);
  });

  it('prints "0 passed, 1 failed" and exits 1 when there is no report', async () => {
    const result = await summarise(null, 1);
    expect([result.code, result.stdout]).toEqual([1, '0 passed, 1 failed\n']);
    expect(result.stderr).toMatch(/^no vitest report at /);
  });
});
