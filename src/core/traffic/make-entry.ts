import type { RawOutcome } from '../linq/outcome.ts';
import { sanitizeText } from '../linq/text.ts';
import { cutToBound, previewText, type BoundedBody } from './body.ts';
import { redactBearerTokens, redactTrafficHeader } from './redact.ts';
import { trafficOutcome } from './traffic-outcome.ts';
import type { TrafficEntry, TrafficSource } from './traffic-entry.ts';
import { trafficTarget, type TrafficHost } from './traffic-url.ts';

/**
 * A captured request as a TrafficEntry, for both sources (the page's traffic, a HAR file): everything that
 * came from outside is redacted first, then decoded, then escaped and bounded.
 */
export const HEADERS_MAX = 100;
const HEADER_NAME_MAX = 256;
const HEADER_VALUE_MAX = 4096;
const METHOD_MAX = 16;
const STATUS_TEXT_MAX = 200;
const MIME_MAX = 200;
const FAILURE_MAX = 500;

export interface CapturedRequest {
  id: string;
  source: TrafficSource;
  startedAt: number;
  durationMs: number | undefined;
  method: string;
  where: TrafficHost;
  /** 0 when no response arrived. */
  status: number;
  statusText: string;
  requestHeaders: ReadonlyArray<readonly [string, string]>;
  responseHeaders: ReadonlyArray<readonly [string, string]>;
  mimeType: string | undefined;
  /** Bounded, not yet redacted. */
  body: BoundedBody;
  /** Why no response arrived, as the browser said (HAR `_error`). */
  failure: string | undefined;
}

/** At most HEADERS_MAX headers, each redacted, then escaped and bounded. */
export function trafficHeaders(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  return pairs
    .slice(0, HEADERS_MAX)
    .map(([name, value]) => [
      sanitizeText(name.slice(0, HEADER_NAME_MAX), HEADER_NAME_MAX),
      sanitizeText(redactTrafficHeader(name, value.slice(0, HEADER_VALUE_MAX)), HEADER_VALUE_MAX),
    ]);
}

function rawOutcome(captured: CapturedRequest, headers: Array<[string, string]>, body: BoundedBody): RawOutcome {
  if (captured.status === 0) {
    return { kind: 'network', message: redactBearerTokens(captured.failure?.slice(0, FAILURE_MAX) ?? 'No response.') };
  }
  return {
    kind: 'response',
    status: captured.status,
    statusText: captured.statusText.slice(0, STATUS_TEXT_MAX),
    headers,
    body: body.text,
    bodyTruncated: body.truncated,
    receivedAt: captured.startedAt + (captured.durationMs ?? 0),
  };
}

export function toTrafficEntry(captured: CapturedRequest): TrafficEntry {
  const method = sanitizeText(captured.method.slice(0, METHOD_MAX), METHOD_MAX);
  const requestHeaders = trafficHeaders(captured.requestHeaders);
  const responseHeaders = trafficHeaders(captured.responseHeaders);
  // Redacted before decoding, so the server message and every other field built from the body is clean too.
  const body = cutToBound(redactBearerTokens(captured.body.text), captured.body.truncated);
  const target = trafficTarget(captured.where);
  const outcome = trafficOutcome(rawOutcome(captured, responseHeaders, body), method, target.path);
  const preview = previewText(body);
  const entry: TrafficEntry = {
    id: captured.id,
    source: captured.source,
    startedAt: captured.startedAt,
    method,
    url: target.url,
    host: target.host,
    path: target.path,
    status: captured.status,
    statusText: sanitizeText(captured.statusText.slice(0, STATUS_TEXT_MAX), STATUS_TEXT_MAX),
    requestHeaders,
    responseHeaders,
    bodyPreview: preview.text,
    bodyTruncated: preview.truncated,
    outcome,
  };
  if (captured.durationMs !== undefined) entry.durationMs = captured.durationMs;
  if (captured.mimeType !== undefined) entry.mimeType = sanitizeText(captured.mimeType.slice(0, MIME_MAX), MIME_MAX);
  if (outcome.traceId !== undefined) entry.traceId = outcome.traceId;
  return entry;
}
