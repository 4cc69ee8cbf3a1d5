import type { HistoryEntry } from '../history.ts';
import { isoTimeText } from '../iso-time.ts';

/**
 * A plain-text report for Linq support, with what the Debugging guide asks for: time (UTC), endpoint, HTTP
 * status, error code and message, trace ID. Never the key: the request headers are not included at all.
 */
export function supportReport(entry: HistoryEntry, extensionVersion: string): string {
  const outcome = entry.outcome;
  const path = new URL(entry.request.url).pathname;
  const lines = [
    'Linq API issue report',
    `Time (UTC): ${isoTimeText(entry.startedAt)}`,
    `Endpoint: ${entry.method} ${path} (host ${entry.baseUrlHost})`,
    `HTTP status: ${entry.response?.status ?? outcome?.status ?? `none (${outcome?.kind ?? entry.state})`}`,
    `Error code: ${outcome?.code ?? 'none'}${outcome?.meaning ? ` (${outcome.meaning})` : ''}`,
    `Message: ${outcome?.serverMessage ?? outcome?.summary ?? 'none'}`,
    `Trace ID: ${outcome?.traceId ?? 'none'}`,
    `Duration: ${entry.durationMs === undefined ? 'unknown' : `${Math.round(entry.durationMs)} ms`}`,
    `Reported with: Linq Typing Inspector ${extensionVersion}`,
  ];
  return lines.join('\n');
}
