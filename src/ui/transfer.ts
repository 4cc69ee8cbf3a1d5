import type { ImportStatus } from '../core/protocol.ts';
import { WORKER_GONE, type InspectorClient } from './client.ts';
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
  /** Aborted by Cancel: the import stops, and nothing of the file is kept. */
  signal: AbortSignal;
}

const refused = (reason: string) => new Error(`Import refused: ${reason} Nothing was imported.`);

function progressText(status: ImportStatus): string {
  if (status.phase === 'checking') return `Checking… ${count(status.done)} of ${count(status.total)}`;
  if (status.phase === 'storing' || status.phase === 'done')
    return `Importing… ${count(status.done)} of ${count(status.total)}`;
  return 'Reading the file…';
}

function confirmation(status: ImportStatus): string {
  const counts = `${count(status.imported)} imported, ${count(status.present)} already present`;
  const full =
    status.overLimit > 0
      ? `, ${count(status.overLimit)} not imported because the history limit is reached (raise it in Settings)`
      : '';
  return `Read ${entries(status.total)}: ${counts}${full}. Nothing was evicted.`;
}

/**
 * Imports an export file. Its size is checked before it is read; then the worker reads it, checks every
 * entry (an invalid file is refused with the entry and the reason, with nothing merged) and stores it a
 * chunk at a time, with progress, until done or cancelled.
 */
export async function importFile(client: InspectorClient, file: Blob, control: ImportControl): Promise<string> {
  const { MAX_IMPORT_BYTES, MAX_IMPORT_TEXT } = await import('../core/share/import-limits.ts');
  if (file.size > MAX_IMPORT_BYTES) {
    throw refused(
      `The file is ${(file.size / 1024 / 1024).toFixed(1)} MiB; at most ${MAX_IMPORT_TEXT} can be imported.`,
    );
  }
  control.onProgress('Reading the file…');
  const status = await client.importHistory(file, {
    signal: control.signal,
    onProgress: (progress) => control.onProgress(progressText(progress)),
  });
  if (status.refused !== undefined) throw refused(status.refused);
  if (status.failed !== undefined) {
    // A worker that went away may have finished first: WORKER_GONE says to check the history.
    throw new Error(status.failed === WORKER_GONE ? WORKER_GONE : `${status.failed}. Nothing was imported.`);
  }
  if (status.cancelled) return CANCELLED;
  return confirmation(status);
}

const CANCELLED = 'Import cancelled. Nothing was imported.';
