import { describe, expect, it } from 'vitest';
import { mayBeLinqTraffic, readHarEntry } from '../../src/core/traffic/har-entry.ts';
import { HarEntryShape, type HarEntry } from '../../src/core/traffic/har-shape.ts';
import { linqHosts } from '../../src/core/traffic/linq-filter.ts';

const ENVELOPE = '{"success":false,"error":{"status":403,"code":2005,"message":"Access denied"},"trace_id":"t-1"}';

/** As DevTools' onRequestFinished gives it: the HAR shape, with no body in content. */
function finished(url: string, status: number, mimeType: string): HarEntry {
  return HarEntryShape.parse({
    startedDateTime: '2026-12-01T10:00:00.000Z',
    time: 20,
    request: { method: 'DELETE', url, headers: [{ name: 'Authorization', value: 'Bearer sk_live_pagekey12345' }] },
    response: { status, statusText: '', headers: [], content: { mimeType, size: 90 } },
  });
}

const hosts = linqHosts();

describe('a request DevTools reports, before and after its body', () => {
  it('asks for the body only where it could be Linq traffic', () => {
    expect(mayBeLinqTraffic(finished('https://api.linqapp.com/api/partner/v3/chats/c/typing', 204, ''), hosts)).toBe(
      true,
    );
    expect(mayBeLinqTraffic(finished('https://partner.example/api/typing', 403, 'application/json'), hosts)).toBe(true);
    expect(mayBeLinqTraffic(finished('https://partner.example/app.js', 200, 'text/javascript'), hosts)).toBe(false);
    expect(mayBeLinqTraffic(finished('https://partner.example/oops', 500, 'text/html'), hosts)).toBe(false);
  });

  it('decodes the body fetched apart, redacted, as page traffic', () => {
    const read = readHarEntry(
      finished('https://partner.example/api/typing', 403, 'application/json'),
      'page-1',
      { kind: 'page' },
      hosts,
      { text: ENVELOPE, truncated: false },
    );
    if (read.kind !== 'kept') throw new Error(`not kept: ${read.kind}`);
    expect(read.entry.outcome.code).toBe(2005);
    expect(read.entry.traceId).toBe('t-1');
    expect(read.entry.source).toEqual({ kind: 'page' });
    expect(JSON.stringify(read.entry)).not.toContain('sk_live_pagekey12345');
  });

  it("drops a JSON error that is not Linq's once its body is read", () => {
    const read = readHarEntry(
      finished('https://partner.example/api/typing', 403, 'application/json'),
      'page-2',
      { kind: 'page' },
      hosts,
      { text: '{"error":"forbidden"}', truncated: false },
    );
    expect(read.kind).toBe('other');
  });
});
