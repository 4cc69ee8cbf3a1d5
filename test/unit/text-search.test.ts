import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, matcherFor, type HistoryFilter } from '../../src/core/history-filter.ts';
import type { IndexRow } from '../../src/core/history-index.ts';
import { filterRows, TextSearch } from '../../src/core/text-search.ts';

const row = (id: string, text: string, kind: IndexRow['kind'] = 'success'): IndexRow => ({
  id,
  startedAt: Number(id.replace(/\D/g, '')) || 0,
  kind,
  text,
});

const ROWS: IndexRow[] = Array.from({ length: 10_000 }, (_, i) =>
  row(
    `r${i}`,
    `chat-${i.toString(16).padStart(6, '0')}\nstop typing\n${i % 7 === 0 ? '2001\nchat not found' : '204'}`,
    i % 7 === 0 ? 'linq_error' : 'success',
  ),
);

const filter = (text: string, extra: Partial<HistoryFilter> = {}): HistoryFilter => ({
  ...EMPTY_FILTER,
  text,
  ...extra,
});

describe('text search over the index rows', () => {
  it('gives what the plain matcher gives, in the same order, for single and several terms and other filters', () => {
    const search = new TextSearch();
    for (const query of [
      '2001',
      'chat-0000ff',
      'CHAT-0000FF',
      'stop 2001',
      '2001 stop',
      'nothing',
      'typing',
      'r',
      '',
    ]) {
      expect(filterRows(ROWS, filter(query), search)).toEqual(ROWS.filter(matcherFor(filter(query))));
    }
    const onlyErrors = filter('chat', { kinds: new Set(['linq_error'] as const) });
    expect(filterRows(ROWS, onlyErrors, search)).toEqual(ROWS.filter(matcherFor(onlyErrors)));
  });

  it('finds a term once per row, at the start, the middle or the end of the joined text', () => {
    const rows = [row('a1', 'abc'), row('a2', 'abcabc'), row('a3', 'xabc'), row('a4', 'ab')];
    const search = new TextSearch();
    search.sync(rows);
    expect([...search.matching('abc')].map((hit) => hit.id)).toEqual(['a1', 'a2', 'a3']);
    expect([...search.matching('ab')].map((hit) => hit.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    // A term can only span two rows through the separator, which no row's text holds.
    expect(search.matching('cx').size).toBe(0);
  });

  it('keeps up as rows are replaced and added, and drops replaced rows from its results', () => {
    const search = new TextSearch();
    let rows = [row('p1', 'pending chat-1'), row('p2', 'chat-2 204')];
    expect(filterRows(rows, filter('pending'), search).map((hit) => hit.id)).toEqual(['p1']);
    // The pending row settles: a new object with new text takes its place.
    rows = [row('p1', 'chat-1 2001'), rows[1]!, row('p3', 'chat-3 2001')];
    expect(filterRows(rows, filter('pending'), search)).toEqual([]);
    expect(filterRows(rows, filter('2001'), search).map((hit) => hit.id)).toEqual(['p1', 'p3']);
  });

  it('starts again from the list once most of what it holds has been replaced', () => {
    const search = new TextSearch();
    const base = ROWS.slice(0, 100);
    filterRows(base, filter('stop'), search);
    for (let round = 1; round <= 5; round += 1) {
      const rows = base.map((old) => ({ ...old, text: `${old.text}\nround-${round}` }));
      expect(filterRows(rows, filter(`round-${round}`), search)).toEqual(rows);
      expect(filterRows(rows, filter(`round-${round - 1}`), search)).toEqual([]);
    }
    // 100 live rows: at most three times as many held (without starting again it would hold 600).
    expect(search.matching('stop').size).toBeLessThanOrEqual(300);
  });
});
