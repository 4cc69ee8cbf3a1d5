import { describe, expect, it } from 'vitest';
import { decodeOutcome } from '../../src/core/linq/decode.ts';
import type { RawOutcome } from '../../src/core/linq/outcome.ts';
import {
  MIN_SPLIT_FRAGMENT,
  keyForms,
  keyOfAuthorization,
  redactDecoded,
  redactKnownKey,
} from '../../src/core/linq/redact-key.ts';

const KEY = 'sk_live_SECRET+a/b=c"d';
const PREVIEW_MAX = 16 * 1024;

function response(body: string, extra: Partial<Extract<RawOutcome, { kind: 'response' }>> = {}): RawOutcome {
  return {
    kind: 'response',
    status: 401,
    statusText: 'Unauthorized',
    headers: [],
    body,
    bodyTruncated: false,
    receivedAt: 0,
    ...extra,
  };
}

const bodyOf = (raw: RawOutcome) => (raw.kind === 'response' ? raw.body : '');

describe('redactKnownKey', () => {
  it('replaces the key raw, after Bearer, URL-encoded (either case of hex), JSON- and HTML-escaped and in base64', () => {
    const encoded = encodeURIComponent(KEY);
    const spellings = [
      KEY,
      `Bearer ${KEY}`,
      encoded,
      encoded.toLowerCase().replace(/sk_live_secret/, 'sk_live_SECRET'),
      JSON.stringify(KEY).slice(1, -1),
      KEY.replaceAll('"', '&quot;'),
      btoa(KEY),
      btoa(KEY).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_'),
    ];
    for (const spelling of spellings) {
      const body = bodyOf(redactKnownKey(response(`before ${spelling} after`), KEY));
      expect(body, spelling).not.toContain(spelling);
      expect(body, spelling).toMatch(/^before (Bearer )?\[redacted\] after$/);
    }
  });

  it('matches regardless of case, as Chrome lowercases header names', () => {
    const raw = response('', { headers: [[`x-key-${KEY.toLowerCase()}`, KEY.toUpperCase()]], statusText: `no ${KEY}` });
    expect(redactKnownKey(raw, KEY)).toMatchObject({
      headers: [['x-key-[redacted]', '[redacted]']],
      statusText: 'no [redacted]',
    });
  });

  it('replaces a key split by the preview cut, and a key prefix at the end of a cut body', () => {
    const padding = 'x'.repeat(PREVIEW_MAX - 9);
    const cut = `${padding}${KEY}`.slice(0, PREVIEW_MAX);
    expect(cut.endsWith(KEY.slice(0, 9))).toBe(true);
    const redacted = bodyOf(redactKnownKey(response(cut, { bodyTruncated: true }), KEY));
    // Compared by pieces: a failure message holding 16 KiB of padding helps nobody.
    expect(redacted.endsWith('x[redacted]')).toBe(true);
    expect(redacted.replaceAll('x', '')).toBe('[redacted]');
    expect(redacted.length).toBeLessThanOrEqual(PREVIEW_MAX);
    // The smallest fragment taken for the key, and one shorter, which ordinary text ends with all the time.
    const fragment = KEY.slice(0, MIN_SPLIT_FRAGMENT);
    const text = 'y'.repeat(40);
    // The marker takes the fragment's place and a few characters more, so the cut body does not grow.
    expect(bodyOf(redactKnownKey(response(`${text}${fragment}`, { bodyTruncated: true }), KEY))).toBe(
      `${'y'.repeat(40 + MIN_SPLIT_FRAGMENT - 10)}[redacted]`,
    );
    expect(bodyOf(redactKnownKey(response(`${text}sk_`, { bodyTruncated: true }), KEY))).toBe(`${text}sk_`);
    // A body that was not cut ends where the server ended it: a prefix there is not the key.
    expect(bodyOf(redactKnownKey(response(`${text}${fragment}`), KEY))).toBe(`${text}${fragment}`);
  });

  it('never lets the preview grow past its received length (a key shorter than the marker)', () => {
    const short = 'k3y!';
    const raw = redactKnownKey(response(`${short} `.repeat(100)), short);
    expect(raw.kind === 'response' && raw.body.length).toBe(500);
    expect(raw.kind === 'response' && raw.bodyTruncated).toBe(true);
    expect(bodyOf(raw)).not.toContain(short);
  });

  it('cleans a redirect Location and a network message; leaves a timeout alone', () => {
    const location = `https://evil.example/login?key=${encodeURIComponent(KEY)}`;
    expect(redactKnownKey({ kind: 'redirect', location, opaque: false } as RawOutcome, KEY)).toEqual({
      kind: 'redirect',
      location: 'https://evil.example/login?key=[redacted]',
      opaque: false,
    });
    expect(redactKnownKey({ kind: 'network', message: `refused ${KEY}` }, KEY)).toEqual({
      kind: 'network',
      message: 'refused [redacted]',
    });
    expect(redactKnownKey({ kind: 'timeout', timeoutMs: 5 }, KEY)).toEqual({ kind: 'timeout', timeoutMs: 5 });
  });

  it('changes nothing without a key, and finds the key in the Authorization header', () => {
    const raw = response('anything');
    expect(redactKnownKey(raw, '')).toEqual(raw);
    expect(keyForms('')).toEqual([]);
    expect(keyOfAuthorization({ Accept: '*/*', Authorization: `Bearer ${KEY}` })).toBe(KEY);
    expect(keyOfAuthorization({ Accept: '*/*' })).toBe('');
  });
});

describe('redactDecoded', () => {
  it('cleans a key the decoding rebuilt from JSON \\u escapes in the message and trace_id', () => {
    const escaped = [...KEY].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const body = `{"success":false,"error":{"status":401,"code":2004,"message":"bad ${escaped}"},"trace_id":"${escaped}"}`;
    const raw = redactKnownKey(response(body), KEY);
    const decoded = decodeOutcome(raw);
    expect(decoded.serverMessage).toContain(KEY);
    const clean = redactDecoded(decoded, KEY);
    expect(JSON.stringify(clean)).not.toContain(KEY);
    expect(clean).toMatchObject({ code: 2004, serverMessage: 'bad [redacted]', traceId: '[redacted]' });
  });
});
