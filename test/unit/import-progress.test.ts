/**
 * Import progress and Cancel (issue 12, F8), over the panel's import logic (src/ui/transfer.ts) with a fake
 * client whose store keeps what each chunk stored, as the worker does: a chunk is stored whole or not at all.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import { IMPORT_CHUNK } from '../../src/core/protocol.ts';
import { exportHistoryJson } from '../../src/core/share/export-json.ts';
import type { ImportOptions, InspectorClient } from '../../src/ui/client.ts';
import { importFile } from '../../src/ui/transfer.ts';
import { settledEntries } from '../bench/bench-entries.ts';

const TOTAL = 12_000;
const entries = settledEntries('https://api.linqapp.com/api/partner', TOTAL, Date.now() - 60_000);
const file = new Blob([exportHistoryJson(entries, '1.0.0', Date.now())]);

/** Stores chunk by chunk like browser-client; `afterChunk` runs after each stored chunk (e.g. to press Cancel). */
function fakeClient(stored: HistoryEntry[], afterChunk: (handled: number) => void = () => undefined) {
  const importHistory = async (sent: HistoryEntry[], { onProgress, signal }: ImportOptions = {}) => {
    const sum = { ok: true, imported: 0, present: 0, overLimit: 0, handled: 0, cancelled: false };
    for (let start = 0; start < sent.length; start += IMPORT_CHUNK) {
      if (signal?.aborted) return { ...sum, cancelled: true };
      const chunk = sent.slice(start, start + IMPORT_CHUNK);
      await Promise.resolve();
      stored.push(...chunk);
      sum.imported += chunk.length;
      sum.handled += chunk.length;
      onProgress?.(sum.handled);
      afterChunk(sum.handled);
    }
    return sum;
  };
  return { importHistory } as unknown as InspectorClient;
}

describe('import progress and Cancel', () => {
  it('shows "Checking… n of N", then "Importing… n of N", then what was read', async () => {
    const stored: HistoryEntry[] = [];
    const progress: string[] = [];
    const control = { onProgress: (text: string) => progress.push(text), signal: new AbortController().signal };
    const done = await importFile(fakeClient(stored), file, control);
    expect(progress[0]).toBe('Reading the file…');
    expect(progress).toContain('Checking… 2,000 of 12,000');
    expect(progress).toContain('Checking… 12,000 of 12,000');
    expect(progress).toContain(`Importing… ${IMPORT_CHUNK.toLocaleString('en-US')} of 12,000`);
    expect(progress.at(-1)).toBe('Importing… 12,000 of 12,000');
    expect(done).toBe('Read 12,000 entries: 12,000 imported, 0 already present. Nothing was evicted.');
    expect(stored).toHaveLength(TOTAL);
  });

  it('Cancel while storing keeps the chunks stored, whole, and says how many', async () => {
    const stored: HistoryEntry[] = [];
    const control = new AbortController();
    const client = fakeClient(stored, (handled) => handled >= IMPORT_CHUNK && control.abort());
    const done = await importFile(client, file, { onProgress: () => undefined, signal: control.signal });
    const kept = IMPORT_CHUNK.toLocaleString('en-US');
    expect(done).toBe(
      `Import cancelled after ${kept} of 12,000 entries: ${kept} imported, 0 already present. ` +
        'What was imported stays in the history. Nothing was evicted.',
    );
    expect(stored).toHaveLength(IMPORT_CHUNK);
  });

  it('Cancel while checking stores nothing', async () => {
    const stored: HistoryEntry[] = [];
    const control = new AbortController();
    const onProgress = (text: string) => text.startsWith('Checking… 4,000') && control.abort();
    const done = await importFile(fakeClient(stored), file, { onProgress, signal: control.signal });
    expect(done).toBe('Import cancelled while checking the file. Nothing was imported.');
    expect(stored).toEqual([]);
  });
});
