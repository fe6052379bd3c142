import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/**
 * Runs the README's own test examples (its code blocks that import from `vitest`), so that they cannot drift from what
 * the SDK does: the type check of every README block (test/package/readme.test.ts) does not run them.
 */
const root = join(import.meta.dirname, '../..');
const examples = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```tsx\n([\s\S]*?)```/g)]
  .map((match) => match[1] ?? '')
  .filter((code) => code.includes("from 'vitest'"));
const dir = join(root, 'test-results', 'readme-tests');
mkdirSync(dir, { recursive: true });
for (const [index, code] of examples.entries()) {
  const file = join(dir, `example-${index + 1}.tsx`);
  writeFileSync(file, code);
  await import(/* @vite-ignore */ file);
}

it('found the README test examples it runs', () => {
  expect(examples.length).toBeGreaterThan(0);
});
