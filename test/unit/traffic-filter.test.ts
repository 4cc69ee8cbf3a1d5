import { describe, expect, it } from 'vitest';
import { BODY_PREVIEW_MAX } from '../../src/core/linq/body-limit.ts';
import {
  isLinqEnvelopeBody,
  isLinqTraffic,
  linqHosts,
  mayBeJsonType,
  type TrafficCandidate,
} from '../../src/core/traffic/linq-filter.ts';

const ENVELOPE = '{"success":false,"error":{"status":404,"code":2001,"message":"Chat not found"}}';

function candidate(
  extra: Partial<TrafficCandidate>,
  body = ENVELOPE,
): { value: TrafficCandidate; reads: () => number } {
  let reads = 0;
  const value: TrafficCandidate = {
    host: 'backend.example',
    hostname: 'backend.example',
    status: 404,
    mimeType: 'application/json',
    body: () => {
      reads += 1;
      return { text: body, truncated: false };
    },
    ...extra,
  };
  return { value, reads: () => reads };
}

const hosts = linqHosts(['staging-linq.example:8443']);

describe('which requests are Linq traffic', () => {
  it('keeps every request to a Linq host without reading its body', () => {
    for (const host of ['api.linqapp.com', 'API.LINQAPP.COM', 'staging-linq.example:8443']) {
      const c = candidate({ host, hostname: host.split(':')[0]!, status: 200, mimeType: 'text/html' }, '<html>');
      expect(isLinqTraffic(c.value, hosts), host).toBe(true);
      expect(c.reads()).toBe(0);
    }
  });

  it('keeps a Linq envelope from any host', () => {
    expect(isLinqTraffic(candidate({}).value, hosts)).toBe(true);
    expect(isLinqTraffic(candidate({ mimeType: undefined }).value, hosts)).toBe(true);
    expect(isLinqTraffic(candidate({ mimeType: 'application/problem+json; charset=utf-8' }).value, hosts)).toBe(true);
  });

  it('checks the status and the MIME type before the body', () => {
    for (const extra of [{ status: 200 }, { status: 302 }, { status: 0 }, { mimeType: 'text/html' }]) {
      const c = candidate(extra);
      expect(isLinqTraffic(c.value, hosts), JSON.stringify(extra)).toBe(false);
      expect(c.reads()).toBe(0);
    }
  });

  it('drops JSON that is not an envelope, and a body over the bound unparsed', () => {
    expect(isLinqTraffic(candidate({}, '{"error":"nope"}').value, hosts)).toBe(false);
    expect(isLinqTraffic(candidate({}, 'not json').value, hosts)).toBe(false);
    // On a host that is not Linq's, only Linq's own shape counts: success false and a numeric code.
    for (const body of [
      '{"error":{"code":2001,"message":"no success field"}}',
      '{"success":true,"error":{"code":2001}}',
      '{"success":false,"error":{"code":"2001"}}',
    ])
      expect(isLinqTraffic(candidate({}, body).value, hosts), body).toBe(false);
    expect(isLinqEnvelopeBody({ text: ENVELOPE, truncated: true })).toBe(false);
    expect(isLinqEnvelopeBody({ text: ENVELOPE + ' '.repeat(BODY_PREVIEW_MAX), truncated: false })).toBe(false);
  });

  it('reads JSON-ish and missing MIME types as possible JSON', () => {
    expect(
      ['application/json', 'text/json', 'application/vnd.api+json', '', 'x-unknown', undefined].every(mayBeJsonType),
    ).toBe(true);
    expect(['text/html', 'text/plain', 'application/javascript', 'image/png'].some(mayBeJsonType)).toBe(false);
  });
});
