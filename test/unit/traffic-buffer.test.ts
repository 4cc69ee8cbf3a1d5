import { describe, expect, it } from 'vitest';
import { readHar } from '../../src/core/traffic/har-read.ts';
import { TRAFFIC_BUFFER_MAX, TrafficBuffer } from '../../src/core/traffic/traffic-buffer.ts';
import type { TrafficEntry } from '../../src/core/traffic/traffic-entry.ts';
import { parseTrafficMessage, trafficChannelName } from '../../src/core/traffic/traffic-messages.ts';

/** Real entries, read from a small HAR file: one Linq 404/2001 a request. */
function entries(count: number): TrafficEntry[] {
  const har = {
    log: {
      version: '1.2',
      entries: Array.from({ length: count }, (_, i) => ({
        startedDateTime: new Date(Date.UTC(2026, 11, 1, 10, 0, 0, i)).toISOString(),
        time: 12,
        request: { method: 'DELETE', url: `https://api.linqapp.com/api/partner/v3/chats/c${i}/typing`, headers: [] },
        response: {
          status: 404,
          statusText: 'Not Found',
          headers: [],
          content: {
            mimeType: 'application/json',
            text: '{"success":false,"error":{"status":404,"code":2001,"message":"Chat not found"}}',
          },
        },
      })),
    },
  };
  const read = readHar(JSON.stringify(har), 'buffer.har');
  if (!read.ok) throw new Error(read.reason);
  return read.entries;
}

describe('the page traffic buffer', () => {
  it('holds entries newest first, each once, however they arrive', () => {
    const [a, b, c] = entries(3);
    const buffer = new TrafficBuffer();
    expect([buffer.add(b!), buffer.add(a!), buffer.add(c!), buffer.add(b!)]).toEqual([true, true, true, false]);
    expect(buffer.entries.map((entry) => entry.id)).toEqual([c!.id, b!.id, a!.id]);
  });

  it(`keeps the newest ${TRAFFIC_BUFFER_MAX}, and an evicted entry may come back`, () => {
    const all = entries(TRAFFIC_BUFFER_MAX + 5);
    const buffer = new TrafficBuffer();
    for (const entry of all) buffer.add(entry);
    expect(buffer.entries).toHaveLength(TRAFFIC_BUFFER_MAX);
    expect(buffer.entries.at(-1)!.id).toBe(all[5]!.id);
    expect(buffer.add(all[0]!)).toBe(true);
  });

  it('marks navigations, newest first, and clears everything', () => {
    const buffer = new TrafficBuffer();
    buffer.add(entries(1)[0]!);
    buffer.navigated({ url: 'https://partner.example/a', at: 1 });
    buffer.navigated({ url: 'https://partner.example/b', at: 2 });
    expect(buffer.navigations.map((mark) => mark.at)).toEqual([2, 1]);
    buffer.clear();
    expect([buffer.entries.length, buffer.navigations.length]).toEqual([0, 0]);
  });
});

describe('messages between the DevTools page and the panel', () => {
  it('parses every declared message, and drops anything else', () => {
    const [entry] = entries(1);
    const messages = [
      { type: 'traffic.snapshot.request' },
      { type: 'traffic.snapshot', entries: [entry], navigations: [{ url: 'https://a.example/', at: 1 }] },
      { type: 'traffic.entry', entry },
      { type: 'traffic.navigated', navigation: { url: 'https://a.example/', at: 1 } },
      { type: 'traffic.clear' },
    ];
    for (const message of messages) expect(parseTrafficMessage(message), message.type).toEqual(message);
    for (const junk of [undefined, 'traffic.clear', { type: 'traffic.entry' }, { type: 'eval', code: '1' }])
      expect(parseTrafficMessage(junk)).toBeUndefined();
    expect(parseTrafficMessage({ type: 'traffic.entry', entry: { ...entry, status: 'x' } })).toBeUndefined();
  });

  it('names one channel per inspected tab', () => {
    expect(trafficChannelName(7)).not.toBe(trafficChannelName(8));
  });
});
