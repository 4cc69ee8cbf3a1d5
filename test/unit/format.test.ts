import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/ui/format.ts';

describe('history times', () => {
  it('show local time as HH:MM:SS, 24-hour', () => {
    const at = new Date(2026, 10, 24, 7, 5, 9).getTime();
    expect(formatTime(at)).toBe('07:05:09');
    expect(formatTime(new Date(2026, 10, 24, 23, 59, 0).getTime())).toBe('23:59:00');
  });
});
