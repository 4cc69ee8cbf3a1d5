import { HEADER_NAME_MAX, HEADER_VALUE_MAX } from '../linq/body-limit.ts';
import type { RawOutcome } from '../linq/outcome.ts';
import { keyRedactor, redactDecoded, redactKnownKey } from '../linq/redact-key.ts';
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

/** Shorter credentials are not looked for in the answer: they would match ordinary words. */
const CREDENTIAL_MIN = 8;

/**
 * The credential the page sent (Authorization's or Proxy-Authorization's after its scheme word, or X-Api-Key),
 * so that a server quoting it back is redacted too, in every form the decoder knows (as for our own requests).
 */
export function sentCredential(pairs: ReadonlyArray<readonly [string, string]>): string {
  for (const [name, value] of pairs) {
    const lower = name.trim().toLowerCase();
    const credential = lower.endsWith('authorization')
      ? (/^\s*\S+\s+(\S.*)$/.exec(value)?.[1] ?? '')
      : lower === 'x-api-key'
        ? value
        : '';
    if (credential.trim().length >= CREDENTIAL_MIN) return credential.trim();
  }
  return '';
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
  const key = sentCredential(captured.requestHeaders);
  const quoted = keyRedactor(key);
  const method = sanitizeText(captured.method.slice(0, METHOD_MAX), METHOD_MAX);
  // The request's own headers may repeat the key elsewhere (a pseudo-header :path, a Referer).
  const requestHeaders = trafficHeaders(captured.requestHeaders).map(([name, value]): [string, string] => [
    name,
    quoted.text(value),
  ]);
  // Redacted before decoding, so the server message and every other field built from the body is clean too.
  const redactedBody = cutToBound(redactBearerTokens(captured.body.text), captured.body.truncated);
  const raw = redactKnownKey(rawOutcome(captured, trafficHeaders(captured.responseHeaders), redactedBody), key);
  const body = raw.kind === 'response' ? { text: raw.body, truncated: raw.bodyTruncated } : redactedBody;
  const responseHeaders = raw.kind === 'response' ? raw.headers : trafficHeaders(captured.responseHeaders);
  const target = trafficTarget(captured.where);
  const outcome = redactDecoded(trafficOutcome(raw, method, target.path), key);
  const preview = previewText(body);
  const entry: TrafficEntry = {
    id: captured.id,
    source: captured.source,
    startedAt: captured.startedAt,
    method,
    url: quoted.text(target.url),
    host: target.host,
    path: quoted.text(target.path),
    status: captured.status,
    statusText: sanitizeText(
      (raw.kind === 'response' ? raw.statusText : captured.statusText).slice(0, STATUS_TEXT_MAX),
      STATUS_TEXT_MAX,
    ),
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
