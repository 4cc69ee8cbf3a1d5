/**
 * Fault injection, Clear history while a request is in flight (issue 12, F10). The request is journaled as
 * pending, the operator clears the history, then the answer arrives and the worker writes the settled entry:
 * it comes back, so it must come back counted. Before the fix the popup then read "latest 1 of 0", and the
 * worker's count (used for eviction and the views' totals) stayed one short for good.
 * Checked after each answer: the popup's count, the panel's count, the worker's copy in storage.session and
 * the history limit's eviction all agree with what IndexedDB holds.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { okChat, SPECIAL } from '../harness/chat-ids.ts';
import { configure } from '../harness/configure.ts';
import { fire, historyItems, submitChatId } from '../harness/history.ts';
import { readExtensionStorage } from '../harness/storage.ts';
import { readHistoryDb } from './lib/db.ts';
import { defineSecretsSweep, lostEntries, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';
import { openView } from '../harness/views.ts';

const SLOW_MS = 1_500;
let popup: Page;
let panel: Page;

const session = useFaultSession({
  firstView: 'panel',
  slowMs: SLOW_MS,
  async setUp() {
    panel = session.first;
    popup = await openView(session.extension, 'popup');
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
  },
});

async function clearFromPanel(): Promise<void> {
  await panel.bringToFront();
  const history = panel.getByRole('region', { name: 'History' });
  await history.getByRole('button', { name: 'Clear history' }).click();
  const confirm = history.getByRole('group', { name: 'Confirm clearing the history' });
  await confirm.getByRole('button', { name: 'Yes, clear history' }).click();
}

const settledCount = async () => (await readHistoryDb(panel)).filter((entry) => entry.state === 'settled').length;

const countText = async (page: Page) =>
  ((await page.getByRole('region', { name: 'History' }).locator('.count').textContent()) ?? '').trim();

/** What each place says the total is, beside what IndexedDB holds. */
async function totals(): Promise<{ stored: number; popup: string; panel: string; copy: unknown }> {
  const stored = (await readHistoryDb(panel)).length;
  const recent = (await readExtensionStorage(popup)).session['history.recent'] as { total?: unknown } | undefined;
  return { stored, popup: await countText(popup), panel: await countText(panel), copy: recent?.total };
}

const agreeing = (stored: number) => ({
  stored,
  popup: String(stored),
  panel: stored === 1 ? expect.stringMatching(/^1 entr(y|ies)$/) : `${stored} entries`,
  copy: stored,
});

test('a request in flight during Clear history comes back counted; every count agrees', async ({ task }) => {
  const meta = recordFault(task, 'clear-in-flight');
  for (let i = 0; i < 2; i += 1) await fire(popup, okChat());
  const before = session.mock.requests.length;
  await submitChatId(popup, SPECIAL.slow);
  await session.mock.waitForRequests(before + 1, 5_000);
  await clearFromPanel();
  await expect.poll(() => historyItems(panel).count()).toBe(0);

  // The slow answer arrives after the clear: its entry is stored, and counted.
  await expect.poll(settledCount, { timeout: SLOW_MS + 5_000 }).toBe(1);
  await expect.poll(totals, { timeout: 5_000 }).toEqual(agreeing(1));
  expect(await countText(popup)).not.toMatch(/of/);

  // The count the worker trims by is right too: two more entries, then all three listed and counted.
  for (let i = 0; i < 2; i += 1) await fire(popup, okChat());
  await expect.poll(totals, { timeout: 5_000 }).toEqual(agreeing(3));
  const { lost } = await lostEntries(panel, session, { fired: [SPECIAL.slow], since: before });
  meta.lost = lost;
  expect(lost).toBe(0);
  const leaks = await leaksInViews([popup, panel]);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  handled(meta);
});

test('a request still hanging when history is cleared times out into a counted entry', async ({ task }) => {
  const meta = recordFault(task, 'clear-in-flight');
  await clearFromPanel();
  await expect.poll(totals, { timeout: 5_000 }).toEqual({ stored: 0, popup: '0', panel: '0 entries', copy: 0 });
  // The shortest timeout Settings allows, so the hung request gives up soon; saved before the request goes.
  await configure(popup, { timeoutSeconds: 1 });
  const before = session.mock.requests.length;
  await submitChatId(popup, SPECIAL.hang);
  await session.mock.waitForRequests(before + 1, 5_000);
  // Pending long enough for every view to have listed it, then cleared.
  await expect.poll(() => historyItems(panel).count(), { timeout: 3_000 }).toBe(1);
  await clearFromPanel();
  await expect.poll(settledCount, { timeout: 10_000 }).toBe(1);
  await expect.poll(totals, { timeout: 5_000 }).toEqual(agreeing(1));
  const { lost } = await lostEntries(panel, session, { fired: [SPECIAL.hang], since: before });
  meta.lost = lost;
  expect(lost).toBe(0);
  handled(meta);
});

defineSecretsSweep(() => ({ session, views: () => [popup, panel] }));
