import { writeFile } from 'node:fs/promises';

export type Unit = 'ms' | 'ratio' | 'KB' | 'MB' | 'fps' | 'count';

/**
 * One figure. Rows with a budget carry `budget` and `ok` (value ≤ budget, or ≥ it for a row with `atLeast`,
 * such as frames a second); rows without carry neither.
 */
export interface ResultRow {
  name: string;
  value: number;
  unit: Unit;
  budget?: number;
  atLeast?: true;
  ok?: boolean;
}

const DECIMALS: Record<Unit, number> = { ms: 2, ratio: 3, KB: 2, MB: 2, fps: 1, count: 0 };

export class Results {
  readonly rows: ResultRow[] = [];

  add(name: string, value: number, unit: Unit, budget?: number, bound: 'at-most' | 'at-least' = 'at-most'): void {
    const factor = 10 ** DECIMALS[unit];
    const rounded = Math.round(value * factor) / factor;
    const row: ResultRow = { name, value: rounded, unit };
    if (budget !== undefined) {
      row.budget = budget;
      if (bound === 'at-least') row.atLeast = true;
      row.ok = bound === 'at-least' ? value >= budget : value <= budget;
    }
    this.rows.push(row);
    const limit = `${row.atLeast ? '≥ ' : ''}${budget}`;
    console.log(
      `  ${name} = ${rounded} ${unit}${budget === undefined ? '' : ` (budget ${limit}: ${row.ok ? 'ok' : 'MISS'})`}`,
    );
  }

  table(): string {
    const header = ['name', 'value', 'unit', 'budget', 'ok'];
    const lines = this.rows.map((row) => [
      row.name,
      String(row.value),
      row.unit,
      row.budget === undefined ? '' : `${row.atLeast ? '≥ ' : ''}${row.budget}`,
      row.ok === undefined ? '' : String(row.ok),
    ]);
    const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
    const format = (cells: string[]) =>
      cells
        .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd();
    return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
  }

  async write(file: string, machine: string): Promise<void> {
    await writeFile(file, `${JSON.stringify({ machine, results: this.rows }, null, 2)}\n`);
  }
}
