import { harFile } from '../share/har.ts';
import { isoTime } from '../iso-time.ts';
import { BODY_PREVIEW_MAX } from '../linq/body-limit.ts';
import type { TrafficEntry } from './traffic-entry.ts';

/**
 * Page traffic saved to a file: as our own JSON document, or as HAR 1.2 in the form src/core/share/har.ts
 * writes the history. The entries are already redacted, bounded and escaped (traffic-entry.ts), so they are
 * written as they are: no credential can be in them to begin with.
 */
export const TRAFFIC_EXPORT_FORMAT = 'linq-typing-inspector.page-traffic';
export const TRAFFIC_EXPORT_VERSION = 1;

export interface TrafficExport {
  format: typeof TRAFFIC_EXPORT_FORMAT;
  version: typeof TRAFFIC_EXPORT_VERSION;
  exportedAt: string;
  extensionVersion: string;
  entries: TrafficEntry[];
}

export function trafficToJson(entries: readonly TrafficEntry[], extensionVersion: string, now: number): string {
  const file: TrafficExport = {
    format: TRAFFIC_EXPORT_FORMAT,
    version: TRAFFIC_EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    extensionVersion,
    entries: [...entries],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

interface HarHeader {
  name: string;
  value: string;
}

const headers = (pairs: ReadonlyArray<readonly [string, string]>): HarHeader[] =>
  pairs.map(([name, value]) => ({ name, value }));

/** The URL is redacted already; one that does not parse (a HAR file may hold anything) has no query to list. */
function queryOf(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

function contentOf(entry: TrafficEntry) {
  const text = entry.bodyPreview;
  const size = utf8Bytes(text);
  const mimeType = entry.mimeType ?? '';
  if (!entry.bodyTruncated) return { size, mimeType, text };
  const comment = `Body cut at ${BODY_PREVIEW_MAX / 1024} KiB: this text is its first ${text.length} characters (${size} bytes); the full size is unknown.`;
  return { size, mimeType, text, comment };
}

/** What the inspector decoded, beside the HAR fields (an underscore field, as HAR allows for extensions). */
function linqOf(entry: TrafficEntry) {
  const { outcome } = entry;
  return {
    source: entry.source.kind === 'page' ? 'page' : entry.source.fileName,
    kind: outcome.kind,
    code: outcome.code,
    meaning: outcome.meaning,
    summary: outcome.summary,
    traceId: entry.traceId ?? outcome.traceId,
    docUrl: outcome.docUrl,
  };
}

function harEntry(entry: TrafficEntry) {
  const time = Math.max(0, entry.durationMs ?? 0);
  return {
    startedDateTime: isoTime(entry.startedAt) ?? new Date(0).toISOString(),
    time,
    request: {
      method: entry.method,
      url: entry.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headers(entry.requestHeaders),
      queryString: queryOf(entry.url),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: entry.status,
      statusText: entry.statusText,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headers(entry.responseHeaders),
      content: contentOf(entry),
      redirectURL: '',
      headersSize: -1,
      bodySize: entry.bodyTruncated ? -1 : utf8Bytes(entry.bodyPreview),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    comment: entry.outcome.summary,
    _linq: linqOf(entry),
  };
}

export function trafficToHar(entries: readonly TrafficEntry[], extensionVersion: string): string {
  return harFile(entries.map(harEntry), extensionVersion);
}
