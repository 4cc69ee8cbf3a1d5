import { isoTimeText } from '../iso-time.ts';
import { isSafeDocUrl } from '../linq/doc-url.ts';
import { REDACTED } from '../linq/request.ts';
import { sanitizeText } from '../linq/text.ts';
import { KEY_PLACEHOLDER } from '../share/snippets.ts';
import { shellQuote } from '../share/shell-quote.ts';
import { CREDENTIAL_HEADERS } from './redact.ts';
import type { TrafficEntry, TrafficSource } from './traffic-entry.ts';

/**
 * Handing on one request of the page's traffic: a curl command that repeats it with the operator's own key, and a
 * plain-text report for Linq support. The entry is already redacted; these leave out every credential header too.
 */

/** Headers curl writes itself, or that would make its output unreadable (a compressed body). */
const LEFT_TO_CURL: ReadonlySet<string> = new Set(['host', 'content-length', 'connection', 'accept-encoding']);

/** The request headers worth repeating: no credential, cookie, pseudo-header (:path…) or redacted value. */
function repeatableHeaders(entry: TrafficEntry): Array<[string, string]> {
  return entry.requestHeaders.filter(([name, value]) => {
    const lower = name.trim().toLowerCase();
    return (
      lower !== '' &&
      !lower.startsWith(':') &&
      !CREDENTIAL_HEADERS.has(lower) &&
      !LEFT_TO_CURL.has(lower) &&
      !value.includes(REDACTED)
    );
  });
}

/**
 * The same method and URL as a curl command, the key as the shell variable LINQ_API_KEY (in double quotes so the
 * shell expands it, and `:?` stops it when unset). Every value from the page is shell-quoted, so a hostile URL,
 * method or header runs nothing. The page's request body is not captured, so none is sent.
 */
export function trafficCurl(entry: TrafficEntry): string {
  const lines = [
    `curl -i -X ${shellQuote(entry.method)} ${shellQuote(entry.url)}`,
    `  -H "Authorization: Bearer ${KEY_PLACEHOLDER}"`,
    ...repeatableHeaders(entry).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
  ];
  return lines.join(' \\\n');
}

/** Where the entry came from, as the report and the details pane say it. */
export function trafficSourceText(source: TrafficSource): string {
  return source.kind === 'page' ? 'the inspected page (DevTools capture)' : `HAR file ${source.fileName}`;
}

/** One line of the report: page text cannot forge another line (a line break becomes \u{a}). */
const line = (text: string) => sanitizeText(text, 4096);

/**
 * A plain-text report for Linq support: when, what, the answer's status, code and meaning, trace ID, doc link and
 * where the entry came from. No headers at all, so no credential can be in it.
 */
export function trafficSupportReport(entry: TrafficEntry, extensionVersion: string): string {
  const { outcome } = entry;
  const traceId = entry.traceId ?? outcome.traceId;
  const docUrl = outcome.docUrl !== undefined && isSafeDocUrl(outcome.docUrl) ? outcome.docUrl : undefined;
  const lines = [
    'Linq API issue report (page traffic)',
    `Time (UTC): ${isoTimeText(entry.startedAt)}`,
    `Request: ${entry.method} ${entry.url}`,
    `HTTP status: ${entry.status === 0 ? 'none (no response)' : `${entry.status} ${entry.statusText}`.trim()}`,
    `Error code: ${outcome.code ?? 'none'}${outcome.meaning ? ` (${outcome.meaning})` : ''}`,
    `Message: ${outcome.serverMessage ?? outcome.summary}`,
    `Trace ID: ${traceId ?? 'none'}`,
    `Docs: ${docUrl ?? 'none'}`,
    `Duration: ${entry.durationMs === undefined ? 'unknown' : `${Math.round(entry.durationMs)} ms`}`,
    `Source: ${trafficSourceText(entry.source)}`,
    `Reported with: Linq Typing Inspector ${extensionVersion}`,
  ];
  return lines.map(line).join('\n');
}
