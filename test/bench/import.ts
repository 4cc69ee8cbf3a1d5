import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportHistoryJson } from '../../src/core/share/export-json.ts';
import { startCpuProfiles } from './cpu-profile.ts';
import { openTransfer } from '../e2e/harness/history-search.ts';
import { settledEntries } from './bench-entries.ts';
import { historyCount } from './seed.ts';
import type { BenchSession } from './session.ts';
import { showView } from './views.ts';

type Marks = { marks: Array<{ text: string; at: number }>; longestTaskMs: number };
type WithImport = typeof globalThis & { benchImport: Promise<Marks> };

/** Moments of one import in the panel, in ms after the file was set. */
export interface ImportTimes {
  fileBytes: number;
  /** Until the first "Checking…": the file read and JSON.parse'd. */
  readMs: number;
  /** Until the first "Importing…": every entry checked by the import rules. */
  checkedMs: number;
  /** Until "Read N entries…": every chunk stored by the worker. */
  totalMs: number;
  longestTaskMs: number;
  confirmation: string;
}

/** An export file of `count` realistic entries (the bench's mix), as Export JSON writes it. */
async function writeExportFile(baseUrl: string, count: number): Promise<{ path: string; bytes: number }> {
  const text = exportHistoryJson(settledEntries(baseUrl, count, Date.now() - 60_000), '1.0.0', Date.now());
  const path = join(tmpdir(), `linq-bench-import-${process.pid}.json`);
  await writeFile(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

/**
 * Clears the history, then imports a `count`-entry export through the panel's real "Import JSON" control and
 * times, in the panel, from the input's change event until the confirmation. Status texts are timed by a
 * MutationObserver, long tasks by a PerformanceObserver.
 */
export async function measureImport(
  session: BenchSession,
  count: number,
  log: (message: string) => void,
): Promise<ImportTimes> {
  const { lab, panel } = session;
  const file = await writeExportFile(session.baseUrl, count);
  try {
    await lab.evaluate(() => chrome.runtime.sendMessage({ type: 'history.clear' }));
    if ((await historyCount(lab)) !== 0) throw new Error('bench: Clear history left entries behind');
    await showView(session, 'panel', 0);
    const transfer = await openTransfer(panel);
    const expected = `Read ${count.toLocaleString('en-US')} entries`;
    await panel.evaluate((prefix) => {
      const input = document.querySelector<HTMLInputElement>('#history-import')!;
      const status = document.querySelector('details.transfer [role=status]')!;
      const marks: Array<{ text: string; at: number }> = [];
      let start = 0;
      let longestTaskMs = 0;
      new PerformanceObserver((list) => {
        for (const task of list.getEntries()) if (start > 0) longestTaskMs = Math.max(longestTaskMs, task.duration);
      }).observe({ type: 'longtask' });
      input.addEventListener('change', () => (start = performance.now()), { capture: true });
      (globalThis as WithImport).benchImport = new Promise((resolve, reject) => {
        new MutationObserver(() => {
          const text = status.textContent ?? '';
          marks.push({ text, at: performance.now() - start });
          if (text.startsWith(prefix)) resolve({ marks, longestTaskMs });
          else if (status.classList.contains('error')) reject(new Error(`bench: import failed: ${text}`));
        }).observe(status, { childList: true, subtree: true, characterData: true });
      });
    }, expected);
    // BENCH_PROFILE=<folder>: CPU profiles of the panel and the worker during the import, to find where time goes.
    const profileDir = process.env.BENCH_PROFILE;
    const profiles = profileDir ? await startCpuProfiles(panel, profileDir) : undefined;
    await transfer.getByLabel('Import JSON').setInputFiles(file.path);
    // What the panel says every few seconds, so a slow or stuck import shows where it is.
    const started = Date.now();
    const progress = setInterval(() => {
      const at = ((Date.now() - started) / 1000).toFixed(0);
      void transfer
        .getByRole('status')
        .textContent()
        .then(
          (text) => log(`import at ${at} s: ${text}`),
          () => undefined,
        );
    }, 3_000);
    const done = panel.evaluate(() => (globalThis as WithImport).benchImport);
    const { marks, longestTaskMs } = await done.finally(() => clearInterval(progress));
    await profiles?.stop(`import-${count}`);
    const first = (prefix: string) => marks.find((mark) => mark.text.startsWith(prefix))?.at ?? Number.NaN;
    const stored = await historyCount(lab);
    if (stored !== count) throw new Error(`bench: the import stored ${stored} of ${count} entries`);
    return {
      fileBytes: file.bytes,
      readMs: first('Checking'),
      checkedMs: first('Importing'),
      totalMs: first(expected),
      longestTaskMs,
      confirmation: marks.at(-1)!.text,
    };
  } finally {
    await rm(file.path, { force: true });
  }
}
