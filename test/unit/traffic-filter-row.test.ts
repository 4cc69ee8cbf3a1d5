/**
 * Page traffic filtered by the request history's matcher: each TrafficEntry (made by toTrafficEntry, as the
 * capture and Open HAR file make them) becomes the index row matcherFor reads. (traffic-filter.test.ts is the
 * other filter: which captured requests are Linq traffic at all.)
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, matcherFor, type HistoryFilter } from '../../src/core/history-filter.ts';
import { toTrafficEntry, type CapturedRequest } from '../../src/core/traffic/make-entry.ts';
import type { TrafficEntry, TrafficSource } from '../../src/core/traffic/traffic-entry.ts';
import {
  TRAFFIC_KINDS,
  sourceTag,
  trafficMeaning,
  trafficRowOf,
  trafficSearchText,
} from '../../src/core/traffic/traffic-filter.ts';
import { trafficHost } from '../../src/core/traffic/traffic-url.ts';

const KEY = 'sk_live_unit_rowfilter_5f4e3d2c1b';
const LINQ = 'https://api.linqapp.com/api/partner/v3';
const T0 = Date.UTC(2026, 11, 1, 10, 0, 0);

const envelope = (status: number, code: number, message: string, trace = `trace-${code}`) =>
  JSON.stringify({ success: false, error: { status, code, message }, trace_id: trace });

interface Spec {
  id: string;
  status: number;
  body?: string;
  method?: string;
  url?: string;
  statusText?: string;
  failure?: string;
  at?: number;
  source?: TrafficSource;
}

function entry(spec: Spec): TrafficEntry {
  const url = spec.url ?? `${LINQ}/chats/1b4e28ba-2fa1-4d2b-883f-0016d3cca427/typing`;
  const captured: CapturedRequest = {
    id: spec.id,
    source: spec.source ?? { kind: 'page' },
    startedAt: T0 + (spec.at ?? 0) * 1000,
    durationMs: 80,
    method: spec.method ?? 'DELETE',
    where: trafficHost(url)!,
    status: spec.status,
    statusText: spec.statusText ?? '',
    requestHeaders: [['Authorization', `Bearer ${KEY}`]],
    responseHeaders: [['content-type', 'application/json']],
    mimeType: 'application/json',
    body: { text: spec.body ?? '', truncated: false },
    failure: spec.failure,
  };
  return toTrafficEntry(captured);
}

const notFound = entry({
  id: 'e2001',
  status: 404,
  statusText: 'Not Found',
  body: envelope(404, 2001, 'Chat not found'),
  at: 0,
});
const slowDown = entry({ id: 'e1007', status: 429, body: envelope(429, 1007, 'Slow down'), method: 'GET', at: 10 });
const attachment = entry({ id: 'e5005', status: 400, body: envelope(400, 5005, 'Attachment too big'), at: 20 });
const outOfRange = entry({ id: 'e999', status: 400, body: envelope(400, 999, 'Odd code'), at: 30 });
const accepted = entry({ id: 'ok', status: 204, at: 40 });
const serverDown = entry({ id: 'e500', status: 502, statusText: 'Bad Gateway', body: '<html>down</html>', at: 50 });
const blocked = entry({ id: 'net', status: 0, failure: 'net::ERR_BLOCKED_BY_CLIENT', at: 60 });
const fromFile = entry({
  id: 'har',
  status: 403,
  body: envelope(403, 2005, 'Forbidden'),
  source: { kind: 'har', fileName: 'Session-Export.HAR' },
  at: 70,
});
const ALL = [notFound, slowDown, attachment, outOfRange, accepted, serverDown, blocked, fromFile];

const shown = (filter: Partial<HistoryFilter>) =>
  ALL.filter((one) => matcherFor({ ...EMPTY_FILTER, ...filter })(trafficRowOf(one))).map((one) => one.id);

describe('trafficRowOf: a Page traffic entry as the history matcher reads it', () => {
  it('keeps the id, the start time and the outcome kind of the entry', () => {
    expect(trafficRowOf(notFound)).toMatchObject({ id: 'e2001', startedAt: T0, kind: 'linq_error' });
    expect(trafficRowOf(accepted).kind).toBe('success');
    expect(trafficRowOf(serverDown).kind).toBe('http_failure');
    expect(trafficRowOf(blocked).kind).toBe('network');
  });

  it('offers exactly the kinds toTrafficEntry decodes: never a timeout, an interrupted or a pending one', () => {
    expect(new Set(ALL.map((one) => trafficRowOf(one).kind))).toEqual(new Set(TRAFFIC_KINDS));
    for (const never of ['timeout', 'interrupted', 'pending'] as const) expect(TRAFFIC_KINDS).not.toContain(never);
  });

  it('takes the code family from the Linq code, and none without a code or outside 1000–5999', () => {
    expect(trafficRowOf(notFound).family).toBe(2);
    expect(trafficRowOf(slowDown).family).toBe(1);
    expect(trafficRowOf(attachment).family).toBe(5);
    expect(trafficRowOf(fromFile).family).toBe(2);
    expect(outOfRange.outcome.code).toBe(999);
    expect(trafficRowOf(outOfRange).family).toBeUndefined();
    for (const noCode of [accepted, serverDown, blocked]) {
      expect(noCode.outcome.code).toBeUndefined();
      expect(trafficRowOf(noCode).family).toBeUndefined();
    }
  });

  it('is filtered by Outcome and Code family as the history is: any ticked box, both menus together', () => {
    expect(shown({})).toEqual(ALL.map((one) => one.id));
    expect(shown({ kinds: new Set(['success', 'network']) })).toEqual(['ok', 'net']);
    expect(shown({ families: new Set([2]) })).toEqual(['e2001', 'har']);
    expect(shown({ families: new Set([1, 5]) })).toEqual(['e1007', 'e5005']);
    // An entry with no code is left out by any family.
    expect(shown({ kinds: new Set(['http_failure']), families: new Set([1, 2, 3, 4, 5]) })).toEqual([]);
    expect(shown({ kinds: new Set(['linq_error']), families: new Set([2]) })).toEqual(['e2001', 'har']);
  });

  it('is bounded by the time range, both ends inclusive', () => {
    expect(shown({ from: T0 + 20_000 })).toEqual(['e5005', 'e999', 'ok', 'e500', 'net', 'har']);
    expect(shown({ to: T0 + 10_000 })).toEqual(['e2001', 'e1007']);
    expect(shown({ from: T0 + 40_000, to: T0 + 40_000 })).toEqual(['ok']);
    expect(shown({ from: T0 + 71_000 })).toEqual([]);
  });
});

describe('trafficSearchText: what a Page traffic search looks through', () => {
  it('holds the method, URL, status, meaning, summary, server message, trace ID and source, lower case', () => {
    const text = trafficSearchText(notFound);
    expect(text).toBe(text.toLowerCase());
    for (const part of [
      'delete',
      'https://api.linqapp.com/api/partner/v3/chats/1b4e28ba-2fa1-4d2b-883f-0016d3cca427/typing',
      '404',
      'not found',
      trafficMeaning(notFound).toLowerCase(),
      notFound.outcome.summary.toLowerCase(),
      'chat not found',
      'trace-2001',
      'page',
    ])
      expect(text).toContain(part);
    expect(trafficRowOf(notFound).text).toBe(text);
    expect(trafficSearchText(fromFile)).toContain('session-export.har');
    expect(sourceTag(fromFile.source)).toBe('Session-Export.HAR');
  });

  it('leaves out what an entry does not have, and never holds the headers or the key', () => {
    const text = trafficSearchText(accepted);
    expect(text).not.toContain('undefined');
    expect(trafficMeaning(accepted)).toBe(accepted.outcome.summary);
    expect(trafficSearchText(blocked)).toContain('err_blocked_by_client');
    for (const one of ALL) {
      expect(trafficSearchText(one)).not.toContain(KEY.toLowerCase());
      expect(trafficSearchText(one)).not.toContain('authorization');
    }
  });

  it('matches every term (AND), in any case', () => {
    expect(shown({ text: 'Trace-2001' })).toEqual(['e2001']);
    expect(shown({ text: 'GET 429' })).toEqual(['e1007']);
    expect(shown({ text: 'delete 2005' })).toEqual(['har']);
    expect(shown({ text: 'bad gateway' })).toEqual(['e500']);
    expect(shown({ text: 'session-export 2001' })).toEqual([]);
    expect(shown({ text: '2005', kinds: new Set(['success']) })).toEqual([]);
  });
});
