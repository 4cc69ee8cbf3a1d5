/**
 * Fault injection, Retry-After (issue 12, F14): every 'retry-after' scenario of the mock is fired from the
 * popup. A header that is neither delta-seconds nor an HTTP-date (V8's Date.parse read `1.5` and `10, 20` as
 * dates long past: "Wait 0 s") is ignored and the entry says so; a wait of a day, from the header or the body, is
 * clamped to an hour and the entry says that too; a negative body value is ignored for the header beside it.
 * The latest result, the countdown beside the buttons and the stored entry all agree.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { FALLBACK_HEADER_SECONDS, HUGE_RETRY_AFTER_SECONDS } from '../../mock-linq/retry-after.ts';
import { HOSTILE_SCENARIOS } from '../../mock-linq/scenarios.ts';
import { configure } from '../harness/configure.ts';
import { fire, statusLabelOf } from '../harness/history.ts';
import { describedValue } from '../harness/outcome.ts';
import { openView } from '../harness/views.ts';
import { readHistoryDb, type StoredEntry } from './lib/db.ts';
import { defineSecretsSweep, lostEntries, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';

const MAX_WAIT_S = 3600;
const SCENARIOS = HOSTILE_SCENARIOS.filter((scenario) => scenario.family === 'retry-after');

let popup: Page;
let panel: Page;

const session = useFaultSession({
  firstView: 'panel',
  async setUp() {
    panel = session.first;
    popup = await openView(session.extension, 'popup');
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
  },
});

interface Expected {
  /** The wait the entry keeps, or undefined when there is none. */
  seconds: number | undefined;
  note: string | undefined;
}

const notUnderstood = (header: string) =>
  `The Retry-After header ("${header}") was not understood, so no wait is shown.`;
const CLAMPED = `The server asked for ${HUGE_RETRY_AFTER_SECONDS} s; waiting at most ${MAX_WAIT_S} s.`;

const EXPECTED: Record<string, Expected> = {
  'retry-after-fraction': { seconds: undefined, note: notUnderstood('1.5') },
  'retry-after-list': { seconds: undefined, note: notUnderstood('10, 20') },
  'retry-after-huge-header': { seconds: MAX_WAIT_S, note: CLAMPED },
  'retry-after-huge-body': { seconds: MAX_WAIT_S, note: CLAMPED },
  'retry-after-negative-body': { seconds: FALLBACK_HEADER_SECONDS, note: undefined },
};

type RetryEntry = StoredEntry & { outcome: { retryAfterSeconds?: number; note?: string } };

/** The countdown's wording beside the buttons, or '' when no wait holds this chat back. */
async function countdown(page: Page): Promise<string> {
  const warning = page.getByText(/^Rate limited: the API asked to wait/);
  return (await warning.count()) === 0 ? '' : ((await warning.textContent()) ?? '').trim();
}

test('every retry-after scenario has an expectation', () => {
  expect(SCENARIOS.length).toBeGreaterThan(0);
  expect(SCENARIOS.map((scenario) => scenario.name).toSorted()).toEqual(Object.keys(EXPECTED).toSorted());
});

describe('retry-after', () => {
  test.for(SCENARIOS)('$name ($chatId)', async (scenario, { task }) => {
    const meta = recordFault(task, 'retry-after');
    const expected = EXPECTED[scenario.name]!;
    const before = session.mock.requests.length;
    await popup.bringToFront();
    const item = await fire(popup, scenario.chatId, { timeout: 10_000 });
    expect(await statusLabelOf(item)).toBe('429 Linq error');

    const entries = (await readHistoryDb(popup)).filter((entry) => entry.chatId === scenario.chatId) as RetryEntry[];
    expect(entries.map((entry) => entry.state)).toEqual(['settled']);
    expect(entries[0]?.outcome.retryAfterSeconds).toBe(expected.seconds);
    expect(entries[0]?.outcome.note).toBe(expected.note);
    const lost = await lostEntries(popup, session, { fired: [scenario.chatId], since: before });
    meta.lost = lost.lost;
    expect(lost.detail).toEqual([]);

    // The latest result says how long to wait, or that it could not tell, and why.
    const latest = popup.getByRole('region', { name: 'Latest result' });
    const retry = (await describedValue(latest, 'Retry')) ?? '';
    expect(retry).toContain('Retry after the wait the server asks for.');
    if (expected.seconds === undefined) expect(retry).not.toMatch(/Wait/);
    else expect(retry).toMatch(new RegExp(`Wait ${expected.seconds} s\\.$`));
    expect(await describedValue(latest, 'Note')).toBe(expected.note);

    // The countdown: none without a usable wait (not "0 s"), at most an hour otherwise.
    if (expected.seconds === undefined) {
      expect(await countdown(popup)).toBe('');
    } else {
      const text = await countdown(popup);
      const left = Number(/wait (\d+) s more/.exec(text)?.[1]);
      expect(left, text).toBeGreaterThan(expected.seconds - 5);
      expect(left, text).toBeLessThanOrEqual(expected.seconds);
    }

    const leaks = await leaksInViews([popup, panel]);
    meta.leaks = leakCount(leaks);
    expect(leaks).toEqual([]);
    handled(meta);
  });
});

defineSecretsSweep(() => ({ session, views: () => [popup, panel] }));
