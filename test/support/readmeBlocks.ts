import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root. */
export const root = join(import.meta.dirname, '../..');

/** The README's TypeScript code blocks, in order, with the language they are marked with. */
export function readmeBlocks(): { lang: 'ts' | 'tsx'; code: string }[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```(tsx?)\n([\s\S]*?)```/g)].map((match) => ({
    lang: match[1] as 'ts' | 'tsx',
    code: match[2] ?? '',
  }));
}
