import type { IndexRow } from './history-index.ts';
import type { OutcomeKind } from './linq/outcome.ts';

export type EntryKind = OutcomeKind | 'pending';
export type CodeFamily = 1 | 2 | 3 | 4 | 5;

/** What the panel's search box and filters select. Empty sets mean "any". */
export interface HistoryFilter {
  text: string;
  kinds: ReadonlySet<EntryKind>;
  families: ReadonlySet<CodeFamily>;
  /** Inclusive bounds on startedAt, in ms since the epoch. */
  from?: number;
  to?: number;
}

export const EMPTY_FILTER: HistoryFilter = { text: '', kinds: new Set(), families: new Set() };

export function isEmptyFilter(filter: HistoryFilter): boolean {
  return (
    filter.text.trim() === '' &&
    filter.kinds.size === 0 &&
    filter.families.size === 0 &&
    filter.from === undefined &&
    filter.to === undefined
  );
}

/** A predicate for one filter over index rows. Every search term must match (AND). */
export function matcherFor(filter: HistoryFilter): (row: IndexRow) => boolean {
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (row) => {
    if (filter.kinds.size > 0 && !filter.kinds.has(row.kind)) return false;
    if (filter.families.size > 0 && (row.family === undefined || !filter.families.has(row.family))) return false;
    if (filter.from !== undefined && row.startedAt < filter.from) return false;
    if (filter.to !== undefined && row.startedAt > filter.to) return false;
    return terms.every((term) => row.text.includes(term));
  };
}
