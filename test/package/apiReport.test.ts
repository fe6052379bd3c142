import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  API_REPORT_PATH,
  formatApiReport,
  generateApiReport,
  readPublicApi,
  REPO_ROOT,
} from '../../scripts/api-report.js';

const CHANGED = 'the public API changed: run npm run api:report and commit api/ if the change is deliberate';

describe('public API report', () => {
  it('matches the committed api/react-cognito-sso.api.md', async () => {
    const committedPath = join(REPO_ROOT, API_REPORT_PATH);
    expect(existsSync(committedPath), `${API_REPORT_PATH} is missing — ${CHANGED}`).toBe(true);
    const { report } = await generateApiReport();
    expect(report, CHANGED).toBe(await readFile(committedPath, 'utf8'));
  });
});

describe('readPublicApi', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function fixture(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'api-report-fixture-'));
    dirs.push(dir);
    await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
    return dir;
  }

  it('lists values and types, strips TSDoc, hides destructuring, and finds unexported referenced types', async () => {
    const dir = await fixture({
      'package.json': JSON.stringify({
        name: 'fixture',
        exports: {
          '.': { types: './index.d.ts', default: './index.js' },
          './later': { types: './later.d.ts', default: './later.js' },
        },
      }),
      'index.d.ts': [
        "import type { Hidden } from './hidden.js';",
        '/** Makes a thing. */',
        'export declare function make(options: Hidden, { a }: { a: string }): Thing;',
        'export interface Thing {',
        '    /** The value. */',
        '    value: string;',
        '}',
        'declare const inner: number;',
        'export { inner as renamed };',
        "export type { Shape } from './shape.js';",
      ].join('\n'),
      'hidden.d.ts': 'export interface Hidden { nested: Deeper }\ninterface Deeper { x: number }\n',
      'shape.d.ts': 'export declare class Shape { size: number }\n',
    });

    const api = await readPublicApi(dir);

    expect(api.missing).toEqual([{ subpath: './later', typesFile: './later.d.ts' }]);
    const [entry] = api.entries;
    expect(entry?.specifier).toBe('fixture');
    expect(entry?.exports.map(({ name, kind }) => `${kind} ${name}`)).toEqual([
      'type Shape',
      'type Thing',
      'value make',
      'value renamed',
    ]);
    const make = entry?.exports.find(({ name }) => name === 'make');
    expect(make?.declarations).toEqual([
      'function make(options: Hidden, param1: {\n    a: string;\n}): Thing;',
    ]);
    expect(entry?.exports.find(({ name }) => name === 'Thing')?.declarations[0]).not.toContain('The value');
    expect(entry?.unexported.map(({ name }) => name)).toEqual(['Deeper', 'Hidden']);
    expect(formatApiReport(api)).toContain('// exported as renamed\nconst inner: number;');
  });
});
