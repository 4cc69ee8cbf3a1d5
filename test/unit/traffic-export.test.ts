import { describe, expect, it } from 'vitest';
import { readHar } from '../../src/core/traffic/har-read.ts';
import {
  TRAFFIC_EXPORT_FORMAT,
  TRAFFIC_EXPORT_VERSION,
  trafficToHar,
  trafficToJson,
} from '../../src/core/traffic/traffic-export.ts';
import { linqError, pageEntries, PAGE_SPECS, TRAFFIC_KEY } from '../ui/fake-traffic.ts';

// The page's three Linq requests, plus one whose key rode in the URL and a cookie: the capture redacts both.
const entries = pageEntries([
  ...PAGE_SPECS,
  {
    url: `https://api.linqapp.com/api/partner/v3/chats?api_key=${TRAFFIC_KEY}`,
    status: 401,
    body: linqError(401, 2004, 'Bad key'),
    requestHeaders: [
      ['Authorization', `Bearer ${TRAFFIC_KEY}`],
      ['Cookie', `session=${TRAFFIC_KEY}`],
    ],
  },
]);
interface WrittenHar {
  log: {
    version: string;
    creator: { name: string; version: string };
    entries: Array<{
      request: Record<string, unknown>;
      response: { content: { text: string } } & Record<string, unknown>;
      _linq: { code?: number; docUrl?: string } & Record<string, unknown>;
    }>;
  };
}
const NOW = Date.UTC(2026, 11, 2, 8, 0, 0);

describe('trafficToJson', () => {
  it('writes a versioned document with the entries as they are, and no key', () => {
    expect(entries).toHaveLength(4);
    const text = trafficToJson(entries, '1.2.3', NOW);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: TRAFFIC_EXPORT_FORMAT,
      version: TRAFFIC_EXPORT_VERSION,
      exportedAt: '2026-12-02T08:00:00.000Z',
      extensionVersion: '1.2.3',
    });
    expect(file.entries).toEqual(JSON.parse(JSON.stringify(entries)));
    expect(text).not.toContain(TRAFFIC_KEY);
  });

  it('writes an empty list for no entries', () => {
    expect((JSON.parse(trafficToJson([], '1', NOW)) as { entries: unknown[] }).entries).toEqual([]);
  });
});

describe('trafficToHar', () => {
  it('is HAR 1.2: method, URL, headers, status, the body preview as content text, and _linq', () => {
    const har = JSON.parse(trafficToHar(entries, '1.2.3')) as WrittenHar;
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Linq Typing Inspector', version: '1.2.3' });
    expect(har.log.entries).toHaveLength(4);
    const notFound = har.log.entries.find((entry) => entry['_linq'].code === 2001);
    expect(notFound?.request).toMatchObject({ method: 'POST', httpVersion: 'HTTP/1.1' });
    expect(notFound?.response).toMatchObject({ status: 404, statusText: 'Not Found' });
    expect(notFound?.response.content.text).toContain('Chat not found');
    expect(notFound?.['_linq']).toMatchObject({ source: 'page', kind: 'linq_error', traceId: 'trace-2001' });
    expect(notFound?.['_linq'].docUrl).toMatch(/^https:\/\/docs\.linqapp\.com\//);
  });

  it('reads back through readHar to the same codes, methods and statuses', () => {
    const read = readHar(trafficToHar(entries, '1.2.3'), 'exported.har');
    if (!read.ok) throw new Error(read.reason);
    expect(read.skipped).toBe(0);
    const sameOf = (list: typeof entries) =>
      list.map((entry) => `${entry.method} ${entry.status} ${entry.outcome.code} ${entry.url}`).toSorted();
    expect(sameOf(read.entries)).toEqual(sameOf(entries));
  });

  it('holds no key: not in the URL, the Authorization header nor a cookie', () => {
    const text = trafficToHar(entries, '1.2.3');
    expect(text).not.toContain(TRAFFIC_KEY);
    expect(text).not.toMatch(/sk_live_/);
    expect(text).toContain('Bearer [redacted]');
  });

  it('writes an empty entry list that readHar still reads', () => {
    const read = readHar(trafficToHar([], '1'), 'empty.har');
    expect(read).toMatchObject({ ok: true, entries: [], total: 0 });
  });
});
