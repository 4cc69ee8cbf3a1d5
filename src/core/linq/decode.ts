import { lookupCode } from './catalogue.ts';
import { rangeOf } from './ranges.ts';
import { docLinkFor } from './links.ts';
import { parseJson, readEnvelope, type LinqEnvelope } from './envelope.ts';
import { parseRetryAfter } from './retry-after.ts';
import { sanitizeOptional, sanitizeText } from './text.ts';
import { RETRY_TEXT, type DecodedOutcome, type RawOutcome } from './outcome.ts';
import type { Operation } from './request.ts';

const MESSAGE_MAX = 500;
const TRACE_MAX = 128;

function header(headers: Array<[string, string]>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1];
}

function traceIdOf(envelopeTrace: unknown, headers: Array<[string, string]>): string | undefined {
  return sanitizeOptional(envelopeTrace, TRACE_MAX) ?? sanitizeOptional(header(headers, 'x-trace-id'), TRACE_MAX);
}

export function decodeOutcome(raw: RawOutcome, operation: Operation = 'typing.stop'): DecodedOutcome {
  switch (raw.kind) {
    case 'network':
      return {
        kind: 'network',
        summary: 'Network error: no response',
        retry: 'yes',
        retryText: RETRY_TEXT.yes,
        hint: 'The request did not get an answer: the connection failed or was dropped. Check the base URL, your connection or proxy, then retry.',
        serverMessage: sanitizeText(raw.message, MESSAGE_MAX),
      };
    case 'timeout':
      return {
        kind: 'timeout',
        summary: `Timed out after ${(raw.timeoutMs / 1000).toFixed(raw.timeoutMs % 1000 === 0 ? 0 : 1)} s`,
        retry: 'yes',
        retryText: RETRY_TEXT.yes,
        hint: 'No answer arrived before the timeout. The server may be slow or unreachable; retry, or raise the timeout in Settings.',
      };
    case 'redirect':
      return decodeRedirect(raw);
    case 'response':
      return decodeResponse(raw, operation);
  }
}

const NOT_FOLLOWED = 'It is not followed, so the API key never goes to another address.';

function decodeRedirect(raw: Extract<RawOutcome, { kind: 'redirect' }>): DecodedOutcome {
  // Chrome answers an http request to a host it knows speaks only https (HSTS) with an internal redirect, which
  // a manual-redirect fetch sees as opaque, exactly like a server's 3xx: over http, it may be either.
  const maybeUpgrade = raw.opaque === true && raw.upgradable === true;
  return {
    kind: 'http_failure',
    summary: maybeUpgrade ? 'Redirect refused: possibly an https upgrade' : 'Redirect refused',
    retry: 'no',
    retryText: RETRY_TEXT.no,
    hint: maybeUpgrade
      ? 'The request used plain http, and Chrome itself may have upgraded it to https (HSTS), or the server ' +
        `redirected it; Chrome does not say which. ${NOT_FOLLOWED} Use https:// in the base URL.`
      : `The server answered with a redirect. ${NOT_FOLLOWED} Check the base URL.`,
    serverMessage: raw.location === undefined ? undefined : `Location: ${sanitizeText(raw.location, MESSAGE_MAX)}`,
  };
}

function decodeResponse(raw: Extract<RawOutcome, { kind: 'response' }>, operation: Operation): DecodedOutcome {
  const json = raw.body === '' ? undefined : parseJson(raw.body);
  const envelope = raw.bodyTruncated ? undefined : readEnvelope(json);
  if (raw.status >= 200 && raw.status < 300 && operation === 'chat.check') {
    // The check words its own verdict over this (src/background/chat-check.ts).
    return {
      kind: 'success',
      summary: `${raw.status} · chat read`,
      status: raw.status,
      retry: 'no',
      retryText: 'Nothing to retry.',
      hint: 'The API answered with the chat.',
      traceId: traceIdOf(undefined, raw.headers),
    };
  }
  if (raw.status >= 200 && raw.status < 300) {
    return {
      kind: 'success',
      summary: `${raw.status} · typing ${operation === 'typing.start' ? 'started' : 'stopped'}`,
      status: raw.status,
      retry: 'no',
      retryText: 'Nothing to retry.',
      hint: 'The API accepted the request. A 204 does not prove the indicator reached the device (iMessage 1:1 chats only, recent activity needed).',
      traceId: traceIdOf(undefined, raw.headers),
      note:
        raw.body.trim() === ''
          ? undefined
          : 'The response had a body, which this call does not normally return. See the body preview.',
    };
  }
  if (envelope) return decodeEnvelope(raw, envelope);
  return {
    kind: 'http_failure',
    summary: `HTTP ${raw.status}${raw.statusText ? ` ${sanitizeText(raw.statusText, 60)}` : ''} · not a Linq error`,
    status: raw.status,
    retry: raw.status >= 500 || raw.status === 429 ? 'yes' : 'no',
    retryText: raw.status >= 500 || raw.status === 429 ? RETRY_TEXT.yes : RETRY_TEXT.no,
    hint:
      raw.status >= 500
        ? 'Something between you and the API (a proxy or gateway) failed without a Linq error body. Retry with backoff; if it persists, check the base URL.'
        : 'The answer is not a Linq error envelope, so it probably came from something other than the Linq API. Check the base URL.',
    traceId: traceIdOf(undefined, raw.headers),
    note: describeBody(raw.body, raw.bodyTruncated, json),
  };
}

function describeBody(body: string, truncated: boolean, json: unknown): string {
  if (body === '') return 'The body was empty.';
  if (truncated) return 'The body was too large and was cut; see the preview.';
  if (json === undefined) return 'The body is not JSON; see the text preview.';
  return 'The body is JSON, but not a Linq error envelope.';
}

function decodeEnvelope(raw: Extract<RawOutcome, { kind: 'response' }>, envelope: LinqEnvelope): DecodedOutcome {
  const documented = lookupCode(envelope.code);
  const range = rangeOf(envelope.code);
  const retry = documented?.retry ?? range?.retry ?? (raw.status >= 500 ? 'yes' : 'no');
  const meaning = documented?.message ?? (range ? `Undocumented ${range.label} error` : 'Unrecognised error code');
  const retryAfter =
    raw.status === 429 || envelope.code === 1007
      ? parseRetryAfter(envelope.retryAfter, header(raw.headers, 'retry-after'), raw.receivedAt)
      : {};
  return {
    kind: 'linq_error',
    summary: `${raw.status} · ${envelope.code} ${meaning}`,
    status: raw.status,
    code: envelope.code,
    documented: documented !== undefined,
    meaning,
    category: documented?.category ?? range?.category ?? 'Unknown range',
    retry,
    retryText: RETRY_TEXT[retry],
    hint:
      documented?.hint ??
      range?.hint ??
      'This code is outside every documented range. Keep the trace ID and ask Linq support what it means.',
    docUrl: docLinkFor(envelope.code, envelope.docUrl),
    serverMessage: sanitizeOptional(envelope.message, MESSAGE_MAX),
    traceId: traceIdOf(envelope.traceId, raw.headers),
    retryAfterSeconds: retryAfter.seconds,
    note: retryAfter.note,
  };
}
