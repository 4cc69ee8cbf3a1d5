/**
 * Realistic history entries as the worker writes them, their outcomes from the real decoder: 60% 204,
 * 30% documented Linq errors with their JSON bodies, 10% network failures and timeouts. Plain TypeScript,
 * so the page bundle (store-entry.ts) seeds with them and Node builds export files from them.
 */
import type { HistoryEntry } from '../../src/core/history.ts';
import { CATALOGUE } from '../../src/core/linq/catalogue.ts';
import { decodeOutcome } from '../../src/core/linq/decode.ts';
import type { RawOutcome } from '../../src/core/linq/outcome.ts';

const hex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

function raw(index: number, traceId: string, receivedAt: number): RawOutcome {
  const slot = index % 10;
  if (slot < 6) {
    return {
      kind: 'response',
      status: 204,
      statusText: 'No Content',
      headers: [['x-trace-id', traceId]],
      body: '',
      bodyTruncated: false,
      receivedAt,
    };
  }
  if (slot < 9) {
    const code = CATALOGUE[(index * 7) % CATALOGUE.length]!;
    const body = JSON.stringify({
      success: false,
      error: { status: code.http, code: code.code, message: `${code.message} (chat lookup failed for this request)` },
      trace_id: traceId,
    });
    const headers: Array<[string, string]> = [
      ['content-type', 'application/json'],
      ['content-length', String(body.length)],
      ['x-trace-id', traceId],
    ];
    return {
      kind: 'response',
      status: code.http,
      statusText: 'Error',
      headers,
      body,
      bodyTruncated: false,
      receivedAt,
    };
  }
  return index % 20 === 9 ? { kind: 'network', message: 'Failed to fetch' } : { kind: 'timeout', timeoutMs: 15_000 };
}

/** A pending entry as the worker journals it before the request leaves. */
export function pendingEntry(baseUrl: string, startedAt: number): HistoryEntry {
  const chatId = crypto.randomUUID();
  return {
    id: crypto.randomUUID(),
    startedAt,
    state: 'pending',
    operation: 'typing.stop',
    method: 'DELETE',
    chatId,
    baseUrlHost: new URL(baseUrl).host,
    request: {
      url: `${baseUrl}/v3/chats/${chatId}/typing`,
      headers: [
        ['Accept', '*/*'],
        ['Authorization', '[redacted]'],
      ],
      timeoutMs: 15_000,
    },
  };
}

/** The same entry settled; `index` picks its outcome from the mix above. */
export function settledEntry(pending: HistoryEntry, index: number): HistoryEntry {
  const durationMs = 40 + (index % 13) * 11;
  const outcome = raw(index, hex(16), pending.startedAt + durationMs);
  return {
    ...pending,
    state: 'settled',
    durationMs,
    response:
      outcome.kind === 'response'
        ? {
            status: outcome.status,
            statusText: outcome.statusText,
            headers: outcome.headers,
            bodyPreview: outcome.body,
            bodyTruncated: false,
          }
        : undefined,
    outcome: decodeOutcome(outcome),
  };
}

/** `count` settled entries of the mix, one a minute going back from `newest`. */
export function settledEntries(baseUrl: string, count: number, newest: number): HistoryEntry[] {
  return Array.from({ length: count }, (_, index) =>
    settledEntry(pendingEntry(baseUrl, newest - index * 60_000), index),
  );
}
