import type { Reporter, TestModule } from 'vitest/node';
import { FAULT_FAMILIES, type FaultMeta } from './e2e/fault/lib/meta.ts';

type Totals = Omit<FaultMeta, 'family'>;

const COLUMNS: Array<[keyof Totals, string]> = [
  ['tried', 'scenarios tried'],
  ['handled', 'handled'],
  ['lost', 'entries lost'],
  ['leaks', 'leaks'],
  ['uncaught', 'uncaught errors'],
];

/**
 * Prints the fault-injection figures (issue 3) as one table row per family, from the `fault` metadata each
 * test of test/e2e/fault records. Prints nothing when no test recorded any (e.g. `npm run test:unit`). It
 * runs before the summary reporter, so the run still ends with "N passed, N failed".
 */
export default class FaultTableReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const byFamily = new Map<string, Totals>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const fault = test.meta().fault;
        if (!fault) continue;
        const totals = byFamily.get(fault.family) ?? { tried: 0, handled: 0, lost: 0, leaks: 0, uncaught: 0 };
        for (const [key] of COLUMNS) totals[key] += fault[key];
        // A test that failed did not handle its scenarios, whatever it had recorded.
        if (test.result().state !== 'passed') totals.handled -= fault.handled;
        byFamily.set(fault.family, totals);
      }
    }
    if (byFamily.size === 0) return;

    const known: readonly string[] = FAULT_FAMILIES;
    const families = [
      ...FAULT_FAMILIES.filter((family) => byFamily.has(family)),
      ...[...byFamily.keys()].filter((f) => !known.includes(f)),
    ];
    const total: Totals = { tried: 0, handled: 0, lost: 0, leaks: 0, uncaught: 0 };
    const rows = families.map((family) => {
      const totals = byFamily.get(family)!;
      for (const [key] of COLUMNS) total[key] += totals[key];
      return [family, ...COLUMNS.map(([key]) => String(totals[key]))];
    });
    rows.push(['total', ...COLUMNS.map(([key]) => String(total[key]))]);

    const header = ['family', ...COLUMNS.map(([, title]) => title)];
    const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
    const line = (cells: string[]) =>
      `| ${cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join(' | ')} |`;
    const rule = `|${widths.map((width, index) => (index === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
    const table = [line(header), rule, ...rows.slice(0, -1).map(line), rule, line(rows.at(-1)!)];
    process.stdout.write(`\nFault injection (issue 3)\n${table.join('\n')}\n`);
  }
}
