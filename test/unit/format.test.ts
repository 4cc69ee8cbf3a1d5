import { describe, expect, it } from 'vitest';
import { INVALID_TIME, formatDateTime, formatDuration, formatTime, isoTime } from '../../src/ui/format.ts';

describe('history times', () => {
  it('show local time as HH:MM:SS, 24-hour', () => {
    const at = new Date(2026, 10, 24, 7, 5, 9).getTime();
    expect(formatTime(at)).toBe('07:05:09');
    expect(formatTime(new Date(2026, 10, 24, 23, 59, 0).getTime())).toBe('23:59:00');
  });
});

describe('date formatting is total (an imported startedAt of 9e15 blanked the popup)', () => {
  it.each([9e15, -9e15, Number.NaN, Number.POSITIVE_INFINITY, 1e300])(
    'never throws on %s and shows "invalid time"',
    (ms) => {
      expect(formatTime(ms)).toBe(INVALID_TIME);
      expect(formatDateTime(ms)).toBe(INVALID_TIME);
      expect(isoTime(ms)).toBeUndefined();
    },
  );

  it('still formats every real date', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(formatDateTime(at)).toBe('2026-01-02 03:04:05 UTC');
    expect(isoTime(at)).toBe('2026-01-02T03:04:05.000Z');
    expect(formatDuration(Number.NaN)).toBe(INVALID_TIME);
    expect(formatDuration(-5)).toBe(INVALID_TIME);
  });
});
