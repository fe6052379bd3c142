import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readmeBlocks, root } from '../support/readmeBlocks.js';

/**
 * Runs the README's own test examples (its code blocks that import from `vitest`), so that they cannot drift from what
 * the SDK does: the type check of every README block (test/package/readme.test.ts) does not run them. Each run writes
 * them to a directory of its own (the unit and React 18 projects run this file at the same time).
 */
const examples = readmeBlocks()
  .map((block) => block.code)
  .filter((code) => code.includes("from 'vitest'"));
mkdirSync(join(root, 'test-results'), { recursive: true });
const dir = mkdtempSync(join(root, 'test-results', 'readme-tests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [index, code] of examples.entries()) {
  const file = join(dir, `example-${index + 1}.tsx`);
  writeFileSync(file, code);
  await import(/* @vite-ignore */ file);
}

it('registered every test of the README examples', ({ task }) => {
  const written = examples.join('\n').match(/^it\(/gm) ?? [];
  expect(written.length).toBeGreaterThan(0);
  expect(task.file.tasks.length).toBe(written.length + 1);
});
