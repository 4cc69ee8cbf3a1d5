/**
 * A TrafficClient over plain memory for the UI tests, and real TrafficEntry objects for it: each is read by
 * readHar from a small HAR text, as an opened file or the DevTools capture would give them.
 */
import { readHar } from '../../src/core/traffic/har-read.ts';
import type { TrafficEntry } from '../../src/core/traffic/traffic-entry.ts';
import type { HarOpenResult, TrafficClient, TrafficState } from '../../src/ui/traffic-client.ts';

export const TRAFFIC_KEY = 'sk_live_9a8b7c6d5e4f3210';
export const TRAFFIC_CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const LINQ = 'https://api.linqapp.com/api/partner/v3';

export interface HarSpec {
  method?: string;
  url: string;
  status: number;
  statusText?: string;
  body?: string;
  requestHeaders?: Array<[string, string]>;
  /** Seconds after 2026-12-01T10:00:00Z. */
  at?: number;
}

const headers = (pairs: Array<[string, string]>) => pairs.map(([name, value]) => ({ name, value }));

export function harText(specs: readonly HarSpec[]): string {
  const entries = specs.map((spec, index) => ({
    startedDateTime: new Date(Date.UTC(2026, 11, 1, 10, 0, spec.at ?? index)).toISOString(),
    time: 80 + index,
    request: {
      method: spec.method ?? 'GET',
      url: spec.url,
      httpVersion: 'http/2.0',
      headers: headers([[':path', new URL(spec.url).pathname], ['accept', '*/*'], ...(spec.requestHeaders ?? [])]),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: spec.status,
      statusText: spec.statusText ?? '',
      httpVersion: 'http/2.0',
      headers: headers([['content-type', 'application/json']]),
      cookies: [],
      content: { size: (spec.body ?? '').length, mimeType: 'application/json', text: spec.body ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 70, receive: 10 },
  }));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries } });
}

export const linqError = (status: number, code: number, message: string) =>
  JSON.stringify({ success: false, error: { status, code, message }, trace_id: `trace-${code}` });

/** Three Linq requests of the inspected page (a 404/2001, a 403/2005 and a 429/1007) and one of another site. */
export const PAGE_SPECS: readonly HarSpec[] = [
  {
    method: 'POST',
    url: `${LINQ}/chats/${TRAFFIC_CHAT}/typing`,
    status: 404,
    statusText: 'Not Found',
    body: linqError(404, 2001, 'Chat not found'),
    requestHeaders: [
      ['authorization', `Bearer ${TRAFFIC_KEY}`],
      ['x-request-source', 'partner-app'],
    ],
  },
  {
    method: 'DELETE',
    url: `${LINQ}/chats/${TRAFFIC_CHAT}/typing`,
    status: 403,
    statusText: 'Forbidden',
    body: linqError(403, 2005, 'Forbidden'),
  },
  { url: `${LINQ}/chats?limit=5`, status: 429, body: linqError(429, 1007, 'Slow down') },
  { url: 'https://cdn.example.com/app.js', status: 200, body: 'console.log(1)' },
];

/** Entries read from a HAR text, relabelled as the inspected page's own (as the DevTools capture makes them). */
export function pageEntries(specs: readonly HarSpec[] = PAGE_SPECS): TrafficEntry[] {
  const read = readHar(harText(specs), 'capture.har');
  if (!read.ok) throw new Error(read.reason);
  return read.entries
    .map((entry): TrafficEntry => ({ ...entry, id: `page-${entry.id}`, source: { kind: 'page' } }))
    .toSorted((a, b) => b.startedAt - a.startedAt);
}

export interface FakeTrafficClient extends TrafficClient {
  /** The DevTools page reports a state (new entries, a navigation). */
  push(state: Partial<TrafficState>): void;
  readonly opened: string[];
  cleared: number;
}

/** The fake reads opened files with readHar, as the real one does (without its size check before reading). */
export function createFakeTraffic(initial: Partial<TrafficState> = {}): FakeTrafficClient {
  let state: TrafficState = { entries: [], navigations: [], capturing: true, ...initial };
  let fromFiles: TrafficEntry[] = [];
  const listeners = new Set<(state: TrafficState) => void>();
  const shown = (): TrafficState => ({
    ...state,
    entries: [...fromFiles, ...state.entries].toSorted((a, b) => b.startedAt - a.startedAt),
  });
  const emit = () => listeners.forEach((listener) => listener(shown()));
  const client: FakeTrafficClient = {
    opened: [],
    cleared: 0,
    subscribe(listener) {
      listeners.add(listener);
      listener(shown());
      return () => void listeners.delete(listener);
    },
    async openHar(file): Promise<HarOpenResult> {
      client.opened.push(file.name);
      const read = readHar(await file.text(), file.name);
      if (!read.ok) return read;
      fromFiles = [...read.entries, ...fromFiles];
      emit();
      return { ok: true, fileName: file.name, kept: read.entries.length, skipped: read.skipped, total: read.total };
    },
    clear() {
      client.cleared += 1;
      state = { ...state, entries: [], navigations: [] };
      fromFiles = [];
      emit();
    },
    push(next) {
      state = { ...state, ...next };
      emit();
    },
  };
  return client;
}
