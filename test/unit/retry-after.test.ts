import { describe, expect, it } from 'vitest';
import { decodeOutcome } from '../../src/core/linq/decode.ts';
import type { DecodedOutcome } from '../../src/core/linq/outcome.ts';

const NOW = Date.parse('2026-11-24T10:00:00Z');

/** A 429/1007 answer with this body retry_after (absent when undefined) and Retry-After header (ditto). */
function rateLimited(bodyValue: unknown, header?: string): DecodedOutcome {
  const error: Record<string, unknown> = { status: 429, code: 1007, message: 'Rate limit exceeded' };
  if (bodyValue !== undefined) error.retry_after = bodyValue;
  const body = JSON.stringify({ success: false, error, trace_id: 'abc' }).replace('"__INF__"', '1e999');
  return decodeOutcome({
    kind: 'response',
    status: 429,
    statusText: 'Too Many Requests',
    headers: header === undefined ? [] : [['Retry-After', header]],
    body,
    bodyTruncated: false,
    receivedAt: NOW,
  });
}

describe('Retry-After header', () => {
  it.each([
    ['1.5'],
    ['10, 20'],
    ['-5'],
    ['+5'],
    ['5s'],
    ['0x10'],
    ['1e3'],
    ['tomorrow'],
    ['2026-11-24T10:00:30Z'],
    ['Tue, 24 Nov 2026 10:00:30'],
    ['Tue, 31 Nov 2026 10:00:30 GMT'],
    ['Tue, 24 Nov 2026 25:00:30 GMT'],
    ['24 Nov 2026 10:00:30 GMT'],
  ])('ignores %j and says the header was not understood', (header) => {
    const outcome = rateLimited(undefined, header);
    expect(outcome.retryAfterSeconds).toBeUndefined();
    expect(outcome.note).toBe(`The Retry-After header ("${header}") was not understood, so no wait is shown.`);
  });

  it('reads delta-seconds, with surrounding blanks', () => {
    expect(rateLimited(undefined, '0').retryAfterSeconds).toBe(0);
    expect(rateLimited(undefined, ' 12 ').retryAfterSeconds).toBe(12);
    expect(rateLimited(undefined, '12').note).toBeUndefined();
  });

  it.each([
    ['IMF-fixdate', 'Tue, 24 Nov 2026 10:00:30 GMT'],
    ['obsolete RFC 850 date', 'Tuesday, 24-Nov-26 10:00:30 GMT'],
    ['obsolete asctime date', 'Tue Nov 24 10:00:30 2026'],
  ])('reads an HTTP-date: %s', (_form, header) => {
    expect(rateLimited(undefined, header).retryAfterSeconds).toBe(30);
  });

  it('reads an asctime date with a one-digit day and a date already past as no wait', () => {
    expect(rateLimited(undefined, 'Sun Nov  6 08:49:37 1994').retryAfterSeconds).toBe(0);
    expect(rateLimited(undefined, 'Sun, 06 Nov 1994 08:49:37 GMT').retryAfterSeconds).toBe(0);
  });

  it('escapes and bounds a hostile header in the note', () => {
    const note = rateLimited(undefined, `x\u202e${'y'.repeat(200)}`).note ?? '';
    expect(note).toContain('x\\u{202e}y');
    expect(note.length).toBeLessThan(150);
  });
});

describe('every wait is clamped to one hour', () => {
  it('clamps a huge header, and says so', () => {
    const outcome = rateLimited(undefined, '86400');
    expect(outcome.retryAfterSeconds).toBe(3600);
    expect(outcome.note).toBe('The server asked for 86400 s; waiting at most 3600 s.');
  });

  it('clamps a header of more digits than a number holds exactly', () => {
    expect(rateLimited(undefined, '9'.repeat(40)).retryAfterSeconds).toBe(3600);
  });

  it('clamps a date far ahead', () => {
    const outcome = rateLimited(undefined, 'Wed, 25 Nov 2026 10:00:00 GMT');
    expect(outcome.retryAfterSeconds).toBe(3600);
    expect(outcome.note).toBe('The server asked for 86400 s; waiting at most 3600 s.');
  });

  it('clamps the body retry_after, and says so', () => {
    const outcome = rateLimited(86400);
    expect(outcome.retryAfterSeconds).toBe(3600);
    expect(outcome.note).toBe('The server asked for 86400 s; waiting at most 3600 s.');
    expect(rateLimited(3600).retryAfterSeconds).toBe(3600);
    expect(rateLimited(3600).note).toBeUndefined();
  });

  it.each([[-5], ['__INF__'], ['30'], [null]])('ignores the body value %j and falls back to the header', (value) => {
    expect(rateLimited(value).retryAfterSeconds).toBeUndefined();
    expect(rateLimited(value, '7').retryAfterSeconds).toBe(7);
  });

  it('rounds a fractional body value up', () => {
    expect(rateLimited(1.5).retryAfterSeconds).toBe(2);
  });
});
