import { boundedBody, type BoundedBody } from './body.ts';
import { harHeaders, type HarEntry } from './har-shape.ts';
import { isLinqHost, isLinqTraffic, mayBeJsonType, mayBeLinqErrorStatus, type LinqHosts } from './linq-filter.ts';
import { HEADERS_MAX, toTrafficEntry } from './make-entry.ts';
import type { TrafficEntry, TrafficSource } from './traffic-entry.ts';
import { trafficHost, type TrafficHost } from './traffic-url.ts';

/**
 * One HAR entry read as page traffic: from a HAR file (its body in `content.text`), or from DevTools'
 * `onRequestFinished` (the same HAR shape, its body fetched apart with `getContent`, and only when needed).
 */
export type EntryRead = { kind: 'kept'; entry: TrafficEntry } | { kind: 'other' } | { kind: 'broken' };

function contentType(headers: Array<[string, string]>): string | undefined {
  return headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}

interface Basics {
  startedAt: number;
  status: number;
  where: TrafficHost;
}

function basicsOf(har: HarEntry): Basics | undefined {
  const startedAt = Date.parse(har.startedDateTime);
  const { status } = har.response;
  if (!Number.isFinite(startedAt) || !Number.isInteger(status) || status < 0 || status > 599) return undefined;
  const where = trafficHost(har.request.url);
  return where && { startedAt, status, where };
}

/**
 * Whether the entry could be Linq traffic before its body is read: to a Linq host, or an error status with a
 * JSON-ish or missing type. The capture fetches a body (an async call into DevTools) only for these.
 */
export function mayBeLinqTraffic(har: HarEntry, hosts: LinqHosts): boolean {
  const basics = basicsOf(har);
  if (!basics) return false;
  if (isLinqHost(basics.where.host, basics.where.hostname, hosts)) return true;
  const mimeType = har.response.content.mimeType || contentType(harHeaders(har.response.headers, HEADERS_MAX));
  return mayBeLinqErrorStatus(basics.status) && mayBeJsonType(mimeType);
}

/** Reads one entry; `fetchedBody` is the body got apart (DevTools), else the entry's own content is read. */
export function readHarEntry(
  har: HarEntry,
  id: string,
  source: TrafficSource,
  hosts: LinqHosts,
  fetchedBody?: BoundedBody,
): EntryRead {
  const basics = basicsOf(har);
  if (!basics) return { kind: 'broken' };
  const { startedAt, status, where } = basics;
  const { content } = har.response;
  // The headers are read only when the content does not give the type, or the entry is kept.
  let responseHeaders: Array<[string, string]> | undefined;
  const headersOnce = () => (responseHeaders ??= harHeaders(har.response.headers, HEADERS_MAX));
  const mimeType = content.mimeType || contentType(headersOnce());
  let body = fetchedBody;
  const bodyOnce = () => (body ??= boundedBody(content.text ?? '', content.encoding));
  const candidate = { host: where.host, hostname: where.hostname, status, mimeType, body: bodyOnce };
  if (!isLinqTraffic(candidate, hosts)) return { kind: 'other' };
  const time = har.time;
  return {
    kind: 'kept',
    entry: toTrafficEntry({
      id,
      source,
      startedAt,
      durationMs: time !== undefined && Number.isFinite(time) && time >= 0 ? time : undefined,
      method: har.request.method,
      where,
      status,
      statusText: har.response.statusText,
      requestHeaders: harHeaders(har.request.headers, HEADERS_MAX),
      responseHeaders: headersOnce(),
      mimeType: mimeType || undefined,
      body: bodyOnce(),
      // HAR names its extensions with a leading underscore.
      failure: har.response['_error'],
    }),
  };
}
