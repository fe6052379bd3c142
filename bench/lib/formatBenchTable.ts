import type { BenchRow } from './benchRows.js';

const HEADER: BenchRow = {
  metric: 'metric',
  sdk: 'sdk median (min–max)',
  baseline: 'baseline median (min–max)',
  ratio: 'ratio',
  target: 'target',
  met: 'met?',
};
const COLUMNS = ['metric', 'sdk', 'baseline', 'ratio', 'target', 'met'] as const;

/** The rows as a Markdown table, padded so that it also reads well in a terminal. */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const all = [HEADER, ...rows];
  const widths = COLUMNS.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`;
  return [
    line(COLUMNS.map((key) => HEADER[key])),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map((key) => row[key]))),
  ].join('\n');
}
