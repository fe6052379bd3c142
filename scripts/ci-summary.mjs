// Prints the closing line CI reads ("N passed, N failed") from vitest's JSON report and vitest's exit status.
// Usage: node scripts/ci-summary.mjs [report.json] [vitest-exit-status]. Exits 1 when anything failed.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
const status = Number(process.argv[3] ?? 0);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`no vitest report at ${file}: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// A file that failed with no failed test in it: it did not load, or a hook (beforeAll…) failed and its tests were skipped.
const failedSuites = report.testResults.filter(
  (suite) => suite.status === 'failed' && !suite.assertionResults.some((test) => test.status === 'failed'),
).length;
const skipped = report.numPendingTests + report.numTodoTests;
let failed = report.numFailedTests + failedSuites;
// An error outside any file (an unhandled rejection, a failed global setup) fails the run but nothing in the report.
if (failed === 0 && status !== 0) {
  console.error(`vitest exited ${status} although no test failed: see the errors it printed above`);
  failed = 1;
}
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
