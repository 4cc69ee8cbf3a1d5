import type { HistoryEntry } from './history.ts';
import type { CodeFamily, EntryKind } from './history-filter.ts';
import { OPERATION_LABEL } from './linq/request.ts';

/**
 * A compact row per entry, kept beside the full entries, so a view can hold the whole history in memory
 * (about 200 bytes an entry) to search, filter and scroll 50,000 entries without loading their bodies.
 */
export interface IndexRow {
  id: string;
  startedAt: number;
  kind: EntryKind;
  family?: CodeFamily;
  /** Lower-cased text that a search matches: chat ID, code, trace ID, status, messages. */
  text: string;
}

export function searchTextOf(entry: HistoryEntry): string {
  const outcome = entry.outcome;
  return [
    entry.chatId,
    // A damaged record may have no operation: it was indexed as a stop before checks existed.
    (OPERATION_LABEL[entry.operation] as string | undefined)?.toLowerCase() ?? 'stop typing',
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

/** A Linq code's family (2001 is 2); none for no code, or one outside 1000–5999. */
export function codeFamilyOf(code: number | undefined): CodeFamily | undefined {
  if (code === undefined || code < 1000 || code >= 6000) return undefined;
  return Math.floor(code / 1000) as CodeFamily;
}

export function indexRowOf(entry: HistoryEntry): IndexRow {
  return {
    id: entry.id,
    startedAt: entry.startedAt,
    kind: entry.outcome?.kind ?? 'pending',
    family: codeFamilyOf(entry.outcome?.code),
    text: searchTextOf(entry),
  };
}

/** Newest first; equal times keep a stable order by id. */
export function compareNewestFirst(a: { startedAt: number; id: string }, b: { startedAt: number; id: string }): number {
  return b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
