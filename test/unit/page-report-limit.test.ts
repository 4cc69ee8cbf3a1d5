import { describe, expect, it } from 'vitest';
import { createReportLimiter, REPORT_LIMIT } from '../../src/core/page-report-limit.ts';

const A = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const B = '9f1c2d3e-4b5a-4c6d-8e7f-a0b1c2d3e4f5';

/** A limiter on a clock the test moves, with its timers run by hand. */
function limiter(limit = 3, windowMs = 1_000) {
  let clock = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const applied: Array<[number, string | undefined]> = [];
  const reports = createReportLimiter({
    limit,
    windowMs,
    now: () => clock,
    schedule: (run, ms) => void timers.push({ at: clock + ms, run }),
    apply: (tabId, chatId) => void applied.push([tabId, chatId]),
  });
  return {
    limit: reports,
    applied,
    timers,
    advance(ms: number) {
      clock += ms;
      for (const timer of timers.filter((t) => t.at <= clock)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
    },
  };
}

describe('per-tab limit on selection reports', () => {
  it('admits a handful a second', () => {
    expect(REPORT_LIMIT.limit).toBeGreaterThanOrEqual(5);
    expect(REPORT_LIMIT.limit).toBeLessThanOrEqual(20);
    expect(REPORT_LIMIT.windowMs).toBe(1_000);
  });

  it('applies reports up to the limit at once, drops the excess, and applies the latest when the window passes', () => {
    const fake = limiter();
    for (let i = 0; i < 1_000; i += 1) fake.limit.report(7, i % 2 === 0 ? A : B);
    expect(fake.applied).toEqual([
      [7, A],
      [7, B],
      [7, A],
    ]);
    // The last report was B: the menu must not stay on A. Of the 997 over the limit, only it is applied.
    fake.advance(1_000);
    expect(fake.limit.dropped()).toBe(996);
    expect(fake.applied.at(-1)).toEqual([7, B]);
    expect(fake.applied).toHaveLength(4);
    expect(fake.timers).toEqual([]);
  });

  it('counts each tab on its own', () => {
    const fake = limiter(2);
    for (const tab of [1, 1, 1, 2, 2]) fake.limit.report(tab, A);
    expect(fake.applied).toEqual([
      [1, A],
      [1, A],
      [2, A],
      [2, A],
    ]);
  });

  it('applies nothing held for a tab that navigated or closed', () => {
    const fake = limiter(1);
    fake.limit.report(3, A);
    fake.limit.report(3, B);
    fake.limit.forget(3);
    fake.advance(1_000);
    expect(fake.applied).toEqual([[3, A]]);
  });

  it('starts a fresh window once a second has passed', () => {
    const fake = limiter(1);
    fake.limit.report(4, A);
    fake.advance(1_000);
    fake.limit.report(4, undefined);
    expect(fake.applied).toEqual([
      [4, A],
      [4, undefined],
    ]);
    // A burst in that new window still ends on its latest report.
    fake.limit.report(4, B);
    fake.limit.report(4, A);
    fake.advance(1_000);
    expect(fake.applied).toEqual([
      [4, A],
      [4, undefined],
      [4, A],
    ]);
  });
});
