/**
 * The panel loads the search index after its first paint, a chunk at a time (issue 14, item 4): each chunk a
 * short transaction of its own, the operator's rows first, then the imported ones from the import summaries.
 */
import { IDBDatabase, IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseHistoryEntry, type HistoryEntry } from '../../../src/core/history.ts';
import type { IndexChunkCursor } from '../../../src/core/index-chunks.ts';
import type { IndexRow } from '../../../src/core/history-index.ts';
import { compareNewestFirst } from '../../../src/core/history-index.ts';
import { openHistoryDb } from '../../../src/platform/history-db.ts';
import { openHistoryReader } from '../../../src/platform/history-reader.ts';
import { storedEntry } from './fixtures.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const entries = (prefix: string, count: number, newest: number): HistoryEntry[] =>
  Array.from({ length: count }, (_, i) => storedEntry(`${prefix}${i}`, newest - i));

async function seeded(own: number, imported: number) {
  const factory = new IDBFactory();
  const store = openHistoryDb(parseHistoryEntry, factory);
  for (const entry of entries('own', own, NOW)) await store.put(entry);
  if (imported > 0) await store.addImported(entries('imp', imported, NOW - 500), 100_000);
  return { store, reader: openHistoryReader(parseHistoryEntry, factory) };
}

async function readAll(reader: ReturnType<typeof openHistoryReader>, count: number, from?: IndexChunkCursor) {
  const chunks: IndexRow[][] = [];
  let cursor = from;
  do {
    const chunk = await reader.indexChunk(cursor, count);
    chunks.push(chunk.rows);
    cursor = chunk.next;
  } while (cursor && chunks.length < 1_000);
  return chunks;
}

// A browser has it as a global; the reader takes only its factory from the test.
beforeAll(() => void vi.stubGlobal('IDBKeyRange', IDBKeyRange));

describe('index chunks', () => {
  it('reads every own and imported row once, a chunk a transaction, as indexRows does in one', async () => {
    const { store, reader } = await seeded(25, 250);
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const chunks = await readAll(reader, 10);
    const opened = transactions.mock.calls.length;
    transactions.mockRestore();
    const rows = chunks.flat();
    expect(rows).toHaveLength(275);
    expect(new Set(rows.map((row) => row.id)).size).toBe(275);
    expect(rows.toSorted(compareNewestFirst)).toEqual(await store.indexRows());
    // Own rows come 10 at a time; imported ones a summary (a page of up to 100) at a time.
    expect(chunks.slice(0, 3).map((chunk) => chunk.length)).toEqual([10, 10, 5]);
    expect(chunks.every((chunk) => chunk.length <= 100)).toBe(true);
    expect(rows.slice(0, 25).every((row) => row.id.startsWith('own'))).toBe(true);
    expect(rows.slice(25).every((row) => row.id.startsWith('imp'))).toBe(true);
    expect(opened).toBe(chunks.length);
  });

  it('ends after the last chunk, also for an empty history or one with only imported entries', async () => {
    const empty = await seeded(0, 0);
    expect(await empty.reader.indexChunk(undefined, 10)).toEqual({ rows: [], next: { part: 'imported' } });
    expect(await empty.reader.indexChunk({ part: 'imported' }, 10)).toEqual({ rows: [] });
    const imported = await seeded(0, 150);
    const chunks = await readAll(imported.reader, 1_000);
    expect(chunks.map((chunk) => chunk.length)).toEqual([0, 150]);
  });

  it('reads on from where it stopped when entries are added between chunks', async () => {
    const { store, reader } = await seeded(6, 0);
    const first = await reader.indexChunk(undefined, 3);
    await store.put(storedEntry('own9', NOW + 1));
    const rest = await readAll(reader, 3, first.next);
    expect([...first.rows, ...rest.flat()].map((row) => row.id).toSorted()).toEqual(
      ['own0', 'own1', 'own2', 'own3', 'own4', 'own5', 'own9'].toSorted(),
    );
  });
});
