import type { EntryKind } from '../history-filter.ts';
import { codeFamilyOf, type IndexRow } from '../history-index.ts';
import type { TrafficEntry, TrafficSource } from './traffic-entry.ts';

/**
 * Page traffic is filtered by the request history's own matcher (matcherFor in history-filter.ts): each entry
 * becomes the index row that matcher reads. The words here are also the ones the table shows (TrafficRow).
 */

/**
 * The outcomes an entry can have: toTrafficEntry decodes only a response or a network failure (status 0), so
 * never a timeout, an interrupted request or a pending one.
 */
export const TRAFFIC_KINDS: readonly EntryKind[] = ['success', 'linq_error', 'http_failure', 'network'];

/** "2001 Chat not found", or the summary when there is no Linq code. */
export function trafficMeaning(entry: TrafficEntry): string {
  const { outcome } = entry;
  return outcome.code !== undefined ? `${outcome.code} ${outcome.meaning ?? ''}`.trim() : outcome.summary;
}

/** "page", or the HAR file's name. */
export function sourceTag(source: TrafficSource): string {
  return source.kind === 'page' ? 'page' : source.fileName;
}

/** What a search looks through, lower case: everything the row and the decoding say. */
export function trafficSearchText(entry: TrafficEntry): string {
  const { outcome } = entry;
  return [
    entry.method,
    entry.url,
    entry.status,
    entry.statusText,
    trafficMeaning(entry),
    outcome.summary,
    outcome.serverMessage,
    entry.traceId ?? outcome.traceId,
    sourceTag(entry.source),
  ]
    .filter((part) => part !== undefined)
    .join(' ')
    .toLowerCase();
}

export function trafficRowOf(entry: TrafficEntry): IndexRow {
  return {
    id: entry.id,
    startedAt: entry.startedAt,
    kind: entry.outcome.kind,
    family: codeFamilyOf(entry.outcome.code),
    text: trafficSearchText(entry),
  };
}
