/** How the mock writes answers: trace IDs, the Linq error envelope, and plain bodies. */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const TRACE_HEADER = 'X-Trace-ID';

/** A fresh 32-hex W3C-style trace ID, as the real API puts in `X-Trace-ID` and `trace_id`. */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** The `error` object of a Linq envelope, in the documented key order. */
export interface EnvelopeError {
  status: number;
  code: number;
  message: string;
  doc_url?: string;
  retry_after?: number;
}

/** `{"success":false,"error":{…},"trace_id":"…"}`; `traceId` undefined leaves `trace_id` out. */
export function envelopeBody(error: EnvelopeError, traceId: string | undefined): string {
  const ordered: EnvelopeError = { status: error.status, code: error.code, message: error.message };
  if (error.doc_url !== undefined) ordered.doc_url = error.doc_url;
  if (error.retry_after !== undefined) ordered.retry_after = error.retry_after;
  const body: { success: false; error: EnvelopeError; trace_id?: string } = { success: false, error: ordered };
  if (traceId !== undefined) body.trace_id = traceId;
  return JSON.stringify(body);
}

/** Writes a complete answer with `X-Trace-ID`. A 204 or an empty body gets no Content-Type. */
export function sendBody(
  res: ServerResponse,
  status: number,
  traceId: string,
  body = '',
  contentType?: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = { [TRACE_HEADER]: traceId, ...extraHeaders };
  if (status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const bytes = Buffer.from(body, 'utf8');
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(status, headers);
  res.end(bytes);
}

/** Writes a full Linq error envelope whose `trace_id` equals the `X-Trace-ID` header. */
export function sendEnvelope(
  res: ServerResponse,
  traceId: string,
  error: EnvelopeError,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  sendBody(res, error.status, traceId, envelopeBody(error, traceId), 'application/json', extraHeaders);
}

/** Writes any value as JSON text: for envelopes with the wrong types, `null`, arrays… */
export function sendJson(
  res: ServerResponse,
  status: number,
  traceId: string,
  value: unknown,
  contentType = 'application/json',
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  sendBody(res, status, traceId, JSON.stringify(value), contentType, extraHeaders);
}

/** A body sent in pieces: `head`, then `chunk` `count` times, then `tail`. */
export interface StreamedBody {
  readonly head: string;
  readonly chunk: string;
  readonly count: number;
  readonly tail: string;
}

/**
 * Streams `body` chunked (no Content-Length), honouring back-pressure. Stops quietly if the client
 * goes away or the server closes, so a huge answer never outlives its socket.
 */
export function streamBody(
  res: ServerResponse,
  status: number,
  traceId: string,
  contentType: string,
  body: StreamedBody,
): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { [TRACE_HEADER]: traceId, 'Content-Type': contentType });
  const chunk = Buffer.from(body.chunk, 'utf8');
  let left = body.count;
  res.write(body.head);
  const pump = (): void => {
    while (left > 0) {
      if (res.destroyed) return;
      left -= 1;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(body.tail);
  };
  pump();
}

/**
 * Sends the status line, headers (Content-Length promises more than arrives) and `partial`, then
 * never finishes. The server's close() destroys the socket.
 */
export function sendPartial(
  res: ServerResponse,
  status: number,
  traceId: string,
  partial: string,
  contentType: string,
  declaredLength: number,
): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, {
    [TRACE_HEADER]: traceId,
    'Content-Type': contentType,
    'Content-Length': String(declaredLength),
  });
  res.write(partial);
}

/** Aborts the connection with a TCP RST (`resetAndDestroy`, Node ≥ 20.5); a plain destroy otherwise. */
export function resetConnection(res: ServerResponse): 'rst' | 'destroy' {
  const socket = res.socket;
  if (socket !== null && typeof socket.resetAndDestroy === 'function') {
    socket.resetAndDestroy();
    return 'rst';
  }
  res.destroy();
  return 'destroy';
}
