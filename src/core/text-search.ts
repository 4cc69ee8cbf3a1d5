import { matcherFor, type HistoryFilter } from './history-filter.ts';
import type { IndexRow } from './history-index.ts';

/** Between two rows' texts: a search term never holds it, so no hit spans two rows. */
const SEPARATOR = '\u0000';
/** Rows a segment gathers before a new one starts; new entries arrive one at a time and join the newest. */
const SEGMENT_ROWS = 4_096;

interface Segment {
  text: string;
  /** Where each row's text starts in `text`, ascending. */
  starts: number[];
  rows: IndexRow[];
}

/** The last index whose start is at or before `at`. */
function rowAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Every row's search text, joined into a few long strings, so that a term over 50,000 rows is a handful of
 * `indexOf` calls instead of 50,000 `includes` (a search typed into the panel at 50k took 26 ms in the filter
 * alone). Rows are only added: a row replaced in the history (pending, then settled) keeps its old text here
 * under its old object, and callers keep only hits that are still in their list. Once those stale rows
 * outnumber the live ones, `sync` starts again from the list.
 */
export class TextSearch {
  private segments: Segment[] = [];
  private added = new WeakSet<IndexRow>();
  private size = 0;
  private synced: readonly IndexRow[] | undefined;

  /** Takes in the rows of `all` not seen yet; rebuilds when most of what it holds is gone from `all`. */
  sync(all: readonly IndexRow[]): void {
    if (all === this.synced) return;
    this.synced = all;
    if (this.size - all.length > all.length) {
      this.segments = [];
      this.added = new WeakSet();
      this.size = 0;
    }
    const fresh = all.filter((row) => !this.added.has(row));
    for (let at = 0; at < fresh.length; at += SEGMENT_ROWS) this.add(fresh.slice(at, at + SEGMENT_ROWS));
  }

  private add(rows: readonly IndexRow[]): void {
    let last = this.segments.at(-1);
    if (!last || last.rows.length + rows.length > SEGMENT_ROWS) {
      last = { text: '', starts: [], rows: [] };
      this.segments.push(last);
    }
    const parts: string[] = [];
    let offset = last.text.length;
    for (const row of rows) {
      last.starts.push(offset);
      last.rows.push(row);
      parts.push(row.text);
      offset += row.text.length + SEPARATOR.length;
      this.added.add(row);
    }
    last.text += parts.join(SEPARATOR) + SEPARATOR;
    this.size += rows.length;
  }

  /** Rows whose text contains `term` (lower-cased, as the texts are), among those added. */
  matching(term: string): Set<IndexRow> {
    const hits = new Set<IndexRow>();
    for (const { text, starts, rows } of this.segments) {
      for (let at = text.indexOf(term); at >= 0;) {
        const row = rowAt(starts, at);
        hits.add(rows[row]!);
        // One hit a row is enough: go on from the next row's start.
        const next = starts[row + 1];
        if (next === undefined) break;
        at = text.indexOf(term, next);
      }
    }
    return hits;
  }
}

/**
 * The rows of `all` that pass `filter`, in order. A search term narrows the candidates through `search`
 * first; every candidate is then checked by the filter's own matcher, so the result is what
 * `all.filter(matcherFor(filter))` gives.
 */
export function filterRows(all: readonly IndexRow[], filter: HistoryFilter, search: TextSearch): IndexRow[] {
  const matches = matcherFor(filter);
  const longest = filter.text
    .toLowerCase()
    .split(/\s+/)
    .reduce((best, term) => (term.length > best.length ? term : best), '');
  if (longest === '') return all.filter(matches);
  search.sync(all);
  const hits = search.matching(longest);
  return all.filter((row) => hits.has(row) && matches(row));
}
