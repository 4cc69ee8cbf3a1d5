import type { HistoryEntry } from '../history.ts';
import { isoTime } from '../iso-time.ts';

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
      content: { size: response?.bodyPreview.length ?? 0, mimeType, text: response?.bodyPreview ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: response ? response.bodyPreview.length : -1,
      _error: response ? undefined : entry.outcome?.summary,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    comment: entry.outcome ? `${entry.outcome.summary}${entry.outcome.traceId ? ` · trace ${entry.outcome.traceId}` : ''}` : entry.state,
  };
}

export function historyToHar(entries: readonly HistoryEntry[], extensionVersion: string): string {
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'Linq Typing Inspector', version: extensionVersion },
      pages: [],
      entries: entries.map(harEntry),
    },
  };
  return JSON.stringify(har, null, 2);
}
