import type { HistoryEntry } from '../history.ts';
import { isoTime } from '../iso-time.ts';
import { BODY_PREVIEW_MAX } from '../linq/body-limit.ts';

/**
 * HTTP Archive 1.2, the format Chrome DevTools' Network panel imports. Authorization stays redacted (the
 * stored request headers already are); requests with no response get status 0, as browsers record them.
 */
interface HarHeader {
  name: string;
  value: string;
}

const headers = (pairs: Array<[string, string]>): HarHeader[] => pairs.map(([name, value]) => ({ name, value }));

function queryOf(url: string): HarHeader[] {
  return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
}

/** HAR sizes are bytes; the preview is text, sent as UTF-8. */
function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** The body as kept. A body cut to its preview says so, and claims no size beyond what it holds. */
function contentOf(response: HistoryEntry['response'], mimeType: string) {
  const text = response?.bodyPreview ?? '';
  const size = utf8Bytes(text);
  if (!response?.bodyTruncated) return { size, mimeType, text };
  const cutAt = `${BODY_PREVIEW_MAX / 1024} KiB`;
  const comment = `Body cut at ${cutAt}: this text is its first ${text.length} characters (${size} bytes); the full size is unknown.`;
  return { size, mimeType, text, comment };
}

function harEntry(entry: HistoryEntry) {
  const response = entry.response;
  const mimeType = response?.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const time = Math.max(0, entry.durationMs ?? 0);
  return {
    startedDateTime: isoTime(entry.startedAt) ?? new Date(0).toISOString(),
    time,
    request: {
      method: entry.method,
      url: entry.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headers(entry.request.headers),
      queryString: queryOf(entry.request.url),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headers(response?.headers ?? []),
      content: contentOf(response, mimeType),
      redirectURL: '',
      headersSize: -1,
      // The body's size as received: unknown (-1) when there was none or only its preview was kept.
      bodySize: response && !response.bodyTruncated ? utf8Bytes(response.bodyPreview) : -1,
      _error: response ? undefined : entry.outcome?.summary,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    comment: entry.outcome
      ? `${entry.outcome.summary}${entry.outcome.traceId ? ` · trace ${entry.outcome.traceId}` : ''}`
      : entry.state,
  };
}

/** A HAR 1.2 file of these entries, as this extension writes every HAR it exports. */
export function harFile(entries: readonly unknown[], extensionVersion: string): string {
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'Linq Typing Inspector', version: extensionVersion },
      pages: [],
      entries,
    },
  };
  return JSON.stringify(har, null, 2);
}

export function historyToHar(entries: readonly HistoryEntry[], extensionVersion: string): string {
  return harFile(entries.map(harEntry), extensionVersion);
}
