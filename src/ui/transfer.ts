import type { HistoryEntry } from '../core/history.ts';
import type { ImportSummary, InspectorClient } from './client.ts';
import type { ExportFormat } from './components/HistoryTransfer.tsx';
import { entriesText } from './count-text.ts';

const count = (n: number) => n.toLocaleString('en-US');
const entries = (n: number) => entriesText(n, count);

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/** Reads the full entries for these ids and saves them as a JSON export or a HAR file. */
export async function exportEntries(
  client: InspectorClient,
  ids: readonly string[],
  format: ExportFormat,
): Promise<string> {
  if (ids.length === 0) throw new Error('There is nothing to export.');
  const loaded = await client.loadEntries(ids);
  // A damaged record (impossible times) has no date a file could hold, and would make a JSON export that
  // its own import refuses whole: it is left out, and the confirmation says so.
  const sound = loaded.filter((entry) => entry.damaged === undefined);
  const now = Date.now();
  if (format === 'json') {
    const { exportHistoryJson } = await import('../core/share/export-json.ts');
    client.saveFile(
      `linq-history-${stamp(now)}.json`,
      'application/json',
      exportHistoryJson(sound, client.extensionVersion, now),
    );
  } else {
    const { historyToHar } = await import('../core/share/har.ts');
    client.saveFile(`linq-history-${stamp(now)}.har`, 'application/json', historyToHar(sound, client.extensionVersion));
  }
  const damaged = loaded.length - sound.length;
  const leftOut =
    damaged > 0 ? ` ${entries(damaged)} left out: damaged records (impossible start time or duration).` : '';
  return `Exported ${entries(sound.length)} as ${format === 'json' ? 'JSON' : 'HAR'}.${leftOut}`;
}

export interface ImportControl {
  /** Shows where the import is ("Importing… 40,000 of 100,000"). */
  onProgress(text: string): void;
  /** Aborted by Cancel: checking stops with nothing stored; storing stops before the next chunk. */
  signal: AbortSignal;
}

/** Entries checked between two yields to the page, so the panel repaints and Cancel can be pressed. */
const CHECK_CHUNK = 2_000;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const refused = (reason: string) => new Error(`Import refused: ${reason} Nothing was imported.`);

function confirmation(summary: ImportSummary, total: number): string {
  const counts = `${count(summary.imported)} imported, ${count(summary.present)} already present`;
  const full =
    summary.overLimit > 0
      ? `, ${count(summary.overLimit)} not imported because the history limit is reached (raise it in Settings)`
      : '';
  if (summary.cancelled) {
    return `Import cancelled after ${count(summary.handled)} of ${entries(total)}: ${counts}${full}. What was imported stays in the history. Nothing was evicted.`;
  }
  return `Read ${entries(total)}: ${counts}${full}. Nothing was evicted.`;
}

/**
 * Imports an export file. Its size is checked before it is read and its entry count before any entry is
 * parsed; then every entry is checked, a chunk at a time, and an invalid file is refused with the entry and
 * the reason, with nothing merged. Storing goes a chunk at a time too, with progress, until done or cancelled.
 */
export async function importFile(client: InspectorClient, file: Blob, control: ImportControl): Promise<string> {
  const { MAX_IMPORT_BYTES, MAX_IMPORT_TEXT, checkImportEntries, readImportFile } =
    await import('../core/share/export-json.ts');
  if (file.size > MAX_IMPORT_BYTES) {
    throw refused(
      `The file is ${(file.size / 1024 / 1024).toFixed(1)} MiB; at most ${MAX_IMPORT_TEXT} can be imported.`,
    );
  }
  control.onProgress('Reading the file…');
  const read = readImportFile(await file.text());
  if (!read.ok) throw refused(read.reason);
  const total = read.rawEntries.length;
  const now = Date.now();
  const checked: HistoryEntry[] = [];
  for (let start = 0; start < total; start += CHECK_CHUNK) {
    await yieldToPage();
    if (control.signal.aborted) return 'Import cancelled while checking the file. Nothing was imported.';
    const part = checkImportEntries(read.rawEntries.slice(start, start + CHECK_CHUNK), start, now);
    if (!part.ok) throw refused(part.reason);
    for (const entry of part.entries) checked.push(entry);
    control.onProgress(`Checking… ${count(checked.length)} of ${count(total)}`);
  }
  const summary = await client.importHistory(checked, {
    signal: control.signal,
    onProgress: (handled) => control.onProgress(`Importing… ${count(handled)} of ${count(total)}`),
  });
  if (!summary.ok) {
    const kept =
      summary.imported > 0
        ? ` ${entries(summary.imported)} imported before that stay in the history.`
        : ' Nothing was imported.';
    throw new Error(`${summary.message ?? 'Import failed.'}${kept}`);
  }
  return confirmation(summary, total);
}
