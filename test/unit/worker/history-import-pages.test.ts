/**
 * Imported entries are stored in pages of PAGE_SIZE (issue 12, F8 budget: one record an entry made 100,000
 * take a minute to store). Every read of the history store sees them as it sees the operator's own entries.
 */
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHistoryEntry, type HistoryEntry } from '../../../src/core/history.ts';
import { openHistoryDb } from '../../../src/platform/history-db.ts';
import { PAGE_SIZE } from '../../../src/platform/history-import-pages.ts';
import { storedEntry } from './fixtures.ts';

const NOW = Date.parse('2026-12-01T12:00:00Z');
/** `count` entries `prefix0…`, one a millisecond, the first newest. */
const entries = (prefix: string, count: number, newest = NOW): HistoryEntry[] =>
  Array.from({ length: count }, (_, i) => storedEntry(`${prefix}${i}`, newest - i));
const open = () => openHistoryDb(parseHistoryEntry, new IDBFactory());

afterEach(() => vi.restoreAllMocks());

describe('import pages', () => {
  it('writes a record a page, not one an entry, and reads no key of its own', async () => {
    const history = open();
    await history.put(storedEntry('own', NOW));
    const add = vi.spyOn(IDBObjectStore.prototype, 'add');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const getKey = vi.spyOn(IDBObjectStore.prototype, 'getKey');
    const first = await history.addImported([...entries('a', 300), storedEntry('own', NOW)], 1_000);
    const second = await history.addImported([...entries('a', 10), ...entries('b', 300)], 1_000);
    expect(first).toEqual({ added: 300, present: 1, overLimit: 0 });
    expect(second).toEqual({ added: 300, present: 10, overLimit: 0 });
    const pages = (2 * 300) / PAGE_SIZE;
    expect(add).toHaveBeenCalledTimes(pages);
    // The page's index rows, under its key.
    expect(put).toHaveBeenCalledTimes(pages);
    // One wait for each transaction to run: a chunk is staged, then committed.
    expect(getKey.mock.calls.length).toBeLessThanOrEqual(4);
    expect(history.knownTotal()).toBe(601);
    expect(await history.count()).toBe(601);
    expect((await history.indexRows()).length).toBe(601);
  });

  it('near the limit fills it exactly; an id stored already is present, not over the limit', async () => {
    const history = open();
    await history.addImported(entries('a', 95), 100);
    const reply = await history.addImported([...entries('a', 3), ...entries('b', 10), ...entries('b', 2)], 100);
    expect(reply).toEqual({ added: 5, present: 5, overLimit: 5 });
    expect(await history.count()).toBe(100);
    expect(history.knownTotal()).toBe(100);
  });

  it('staged entries are found by no read until committed; discarded ones are gone', async () => {
    const history = open();
    const first = await history.stageImported(entries('a', 150));
    const second = await history.stageImported([...entries('a', 5), ...entries('b', 50)]);
    expect(second).toMatchObject({ staged: 50, present: 5 });
    expect(await history.count()).toBe(0);
    expect(await history.indexRows()).toEqual([]);
    expect(await history.get('a3')).toBeUndefined();
    expect(await history.newest(10)).toEqual([]);
    await history.discardImported([second]);
    expect(await history.commitImported([first], 1_000)).toEqual({ added: 150, present: 0, overLimit: 0 });
    expect(await history.count()).toBe(150);
    expect((await history.get('a3'))?.id).toBe('a3');
    expect(await history.get('b3')).toBeUndefined();
    // Nothing left behind: every page is committed or deleted.
    expect(await history.dropUnfinishedImports()).toBe(0);
  });

  it('a commit over the limit keeps the first that fit, cutting a page short, and counts the rest', async () => {
    const history = open();
    await history.put(storedEntry('own', NOW));
    const staged = await history.stageImported(entries('a', 250));
    expect(await history.commitImported([staged], 151)).toEqual({ added: 150, present: 0, overLimit: 100 });
    expect(await history.count()).toBe(151);
    expect((await history.indexRows()).length).toBe(151);
    const ids = (await history.indexRows()).map((row) => row.id);
    // Pages are written oldest first: the oldest 150 of the file went in.
    expect(ids).toContain('a249');
    expect(ids).not.toContain('a0');
    expect(await history.dropUnfinishedImports()).toBe(0);
    expect(await history.addImported(entries('a', 1), 1_000)).toEqual({ added: 1, present: 0, overLimit: 0 });
  });

  it('a Clear between staging and commit keeps nothing of the import', async () => {
    const history = open();
    const staged = await history.stageImported(entries('a', 120));
    await history.clear();
    await expect(history.commitImported([staged], 1_000)).rejects.toThrow(/cleared during the import/);
    expect(await history.count()).toBe(0);
    expect(await history.dropUnfinishedImports()).toBe(0);
  });

  it('pages staged by a worker that stopped are dropped by the next one', async () => {
    const factory = new IDBFactory();
    await openHistoryDb(parseHistoryEntry, factory).stageImported(entries('a', 250));
    const next = openHistoryDb(parseHistoryEntry, factory);
    expect(await next.dropUnfinishedImports()).toBe(3);
    expect(await next.count()).toBe(0);
    expect(await next.addImported(entries('a', 250), 1_000)).toMatchObject({ added: 250, present: 0 });
  });

  it('finds imported entries and rows by id, beside own ones, in the order asked', async () => {
    const history = open();
    await history.put(storedEntry('own', NOW - 5));
    await history.addImported(entries('i', 250), 1_000);
    const found = await history.getMany(['i249', 'own', 'missing', 'i0', 'i120']);
    expect(found.map((entry) => entry.id)).toEqual(['i249', 'own', 'i0', 'i120']);
    expect((await history.get('i7'))?.startedAt).toBe(NOW - 7);
    expect(await history.get('nope')).toBeUndefined();
    const rows = await history.indexRows();
    expect(rows.some((row) => row.id === 'i42') && rows.some((row) => row.id === 'own')).toBe(true);
    expect(rows.map((row) => row.id).slice(0, 6)).toEqual(['i0', 'i1', 'i2', 'i3', 'i4', 'own']);
  });

  it('lists the newest across own entries and pages', async () => {
    const history = open();
    await history.addImported(entries('old', 150, NOW - 10_000), 1_000);
    await history.put(storedEntry('own1', NOW - 1));
    await history.put(storedEntry('own2', NOW - 5_000));
    await history.addImported(entries('new', 150, NOW), 1_000);
    const newest = await history.newest(4);
    expect(newest.map((entry) => entry.id)).toEqual(['new0', 'own1', 'new1', 'new2']);
    const many = await history.newest(152);
    expect(many.at(-2)?.id).toBe('new149');
    expect(many.at(-1)?.id).toBe('own2');
  });

  it('evicts the oldest across own entries and pages, rewriting a page that keeps some', async () => {
    const history = open();
    await history.put(storedEntry('own-old', NOW - 100_000));
    await history.addImported(entries('i', 150, NOW - 50_000), 1_000);
    await history.put(storedEntry('own-new', NOW));
    expect(await history.trimTo(150)).toBe(2);
    expect(await history.get('own-old')).toBeUndefined();
    // The oldest imported entry is the last of the file's order.
    expect(await history.get('i149')).toBeUndefined();
    expect(await history.get('i148')).toBeDefined();
    expect(await history.count()).toBe(150);
    expect((await history.indexRows()).map((row) => row.id)).not.toContain('i149');
    // A whole page and more.
    expect(await history.trimTo(10)).toBe(140);
    const left = (await history.indexRows()).map((row) => row.id);
    expect(left).toEqual(['own-new', ...entries('i', 9, NOW - 50_000).map((entry) => entry.id)]);
    expect(await history.count()).toBe(10);
    expect((await history.newest(20)).map((entry) => entry.id)).toEqual(left);
  });

  it('clear empties the pages too, and an import after it stores the same ids again', async () => {
    const history = open();
    await history.addImported(entries('i', 120), 1_000);
    await history.clear();
    expect(await history.count()).toBe(0);
    expect(await history.indexRows()).toEqual([]);
    expect(await history.addImported(entries('i', 120), 1_000)).toEqual({ added: 120, present: 0, overLimit: 0 });
  });

  it('an id written by the worker after an import had read the stored ids still counts as present', async () => {
    const history = open();
    await history.addImported(entries('i', 10), 1_000);
    await history.put(storedEntry('later', NOW));
    expect(await history.addImported([storedEntry('later', NOW)], 1_000)).toEqual({
      added: 0,
      present: 1,
      overLimit: 0,
    });
  });

  it('a second store opened on the same database sees what the first imported', async () => {
    const factory = new IDBFactory();
    await openHistoryDb(parseHistoryEntry, factory).addImported(entries('i', 30), 1_000);
    const again = openHistoryDb(parseHistoryEntry, factory);
    expect(await again.count()).toBe(30);
    expect(await again.addImported(entries('i', 30), 1_000)).toEqual({ added: 0, present: 30, overLimit: 0 });
  });
});
