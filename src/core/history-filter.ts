import type { HistoryEntry } from './history.ts';
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
  return filter.text.trim() === '' && filter.kinds.size === 0 && filter.families.size === 0 && filter.from === undefined && filter.to === undefined;
}

/** The text a search matches: chat ID, code, trace ID, HTTP status and messages, lower-cased once. */
export function searchTextOf(entry: HistoryEntry): string {
  const outcome = entry.outcome;
  return [
    entry.chatId,
    outcome?.code,
    outcome?.traceId,
    outcome?.status,
    outcome?.meaning,
    outcome?.serverMessage,
    outcome?.summary,
  ]
    .filter((part) => part !== undefined)
    .join('\n')
    .toLowerCase();
}

function familyOf(entry: HistoryEntry): CodeFamily | undefined {
  const code = entry.outcome?.code;
  if (code === undefined || code < 1000 || code >= 6000) return undefined;
  return Math.floor(code / 1000) as CodeFamily;
}

/**
 * A predicate for one filter. Every search term must match (AND); the search text of each entry is
 * computed once per entry and cached, so typing in the box re-filters 50,000 entries quickly.
 */
export function matcherFor(filter: HistoryFilter, textOf: (entry: HistoryEntry) => string = searchTextOf): (entry: HistoryEntry) => boolean {
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (entry) => {
    if (filter.kinds.size > 0 && !filter.kinds.has(entry.outcome?.kind ?? 'pending')) return false;
    if (filter.families.size > 0) {
      const family = familyOf(entry);
      if (family === undefined || !filter.families.has(family)) return false;
    }
    if (filter.from !== undefined && entry.startedAt < filter.from) return false;
    if (filter.to !== undefined && entry.startedAt > filter.to) return false;
    if (terms.length === 0) return true;
    const text = textOf(entry);
    return terms.every((term) => text.includes(term));
  };
}

/** A search-text function that remembers each entry's text, keyed by the entry object itself. */
export function cachedSearchText(): (entry: HistoryEntry) => string {
  const cache = new WeakMap<HistoryEntry, string>();
  return (entry) => {
    let text = cache.get(entry);
    if (text === undefined) {
      text = searchTextOf(entry);
      cache.set(entry, text);
    }
    return text;
  };
}
