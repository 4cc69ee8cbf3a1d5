/**
 * Fault injection, concurrency (issue 3 §4): 100 Stop typing requests fired as fast as the UI takes them from
 * two open views at once (50 from the popup, 50 from the panel, by Enter, never waiting for an answer), each
 * with its own chat ID. Exactly 100 entries, none lost, none duplicated, none pending; the mock saw 100
 * requests; and both views converge on what IndexedDB holds.
 *
 * The panel's list is virtualised (only rows in view are rendered), so its rows are compared as the newest
 * rendered ones, never counted; counts come from IndexedDB and from each view's "History" count text.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { okChat } from '../harness/chat-ids.ts';
import { configure } from '../harness/configure.ts';
import { openView } from '../harness/views.ts';
import { burst } from './lib/burst.ts';
import { newestFirst, readHistoryDb } from './lib/db.ts';
import { defineSecretsSweep, lostEntries, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';

const PER_VIEW = 50;
let popup: Page;
let panel: Page;

const session = useFaultSession({
  firstView: 'popup',
  async setUp() {
    popup = session.first;
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
    panel = await openView(session.extension, 'panel');
  },
});

/** Chat IDs of the rendered history rows, top to bottom (rows still loading have none and end the list). */
function renderedChatIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids: string[] = [];
    for (const item of document.querySelectorAll('section[aria-label="History"] li')) {
      const id = item.querySelector('.chat-id')?.textContent?.trim();
      if (!id) break;
      ids.push(id);
    }
    return ids;
  });
}

/** The total a view's "History" count text gives ("100", "latest 5 of 100", "100 entries", …): its last number. */
async function shownTotal(page: Page): Promise<number | undefined> {
  const text = (await page.getByRole('region', { name: 'History' }).locator('.count').textContent()) ?? '';
  const last = text.match(/\d+/g)?.at(-1);
  return last === undefined ? undefined : Number(last);
}

test('100 requests from two views at once: 100 entries, none lost, duplicated or pending; both views agree', async ({
  task,
}) => {
  const meta = recordFault(task, 'concurrency');
  const fromPopup = Array.from({ length: PER_VIEW }, okChat);
  const fromPanel = Array.from({ length: PER_VIEW }, okChat);
  const all = [...fromPopup, ...fromPanel];
  const before = session.mock.requests.length;

  const started = Date.now();
  await Promise.all([burst(popup, fromPopup), burst(panel, fromPanel)]);
  const firedIn = Date.now() - started;

  // Every request reaches the mock once, and ends in one settled entry.
  await session.mock.waitForRequests(before + all.length, 20_000);
  await expect
    .poll(async () => (await readHistoryDb(popup)).filter((entry) => entry.state === 'settled').length, {
      timeout: 20_000,
      interval: 100,
    })
    .toBe(all.length);
  const received = session.mock.requests.slice(before).map((request) => request.chatId);
  expect(received.toSorted()).toEqual(all.toSorted());

  const stored = await readHistoryDb(popup);
  expect(stored).toHaveLength(all.length);
  expect(stored.filter((entry) => entry.state !== 'settled')).toEqual([]);
  expect(stored.map((entry) => entry.chatId).toSorted()).toEqual(all.toSorted());
  expect(new Set(stored.map((entry) => entry.id)).size).toBe(all.length);
  expect(stored.filter((entry) => entry.outcome?.kind !== 'success')).toEqual([]);
  const lost = await lostEntries(popup, session, { fired: all, since: before });
  meta.lost = lost.lost;
  expect(lost.detail).toEqual([]);

  // Both views converge on IndexedDB: the same total, and the same newest rows in the same order.
  const newest = (await newestFirst(popup)).map((entry) => entry.chatId);
  let seen = '';
  await expect
    .poll(
      async () => {
        const [popupRows, panelRows, popupTotal, panelTotal] = await Promise.all([
          renderedChatIds(popup),
          renderedChatIds(panel),
          shownTotal(popup),
          shownTotal(panel),
        ]);
        const rows = Math.min(panelRows.length, 10);
        seen = JSON.stringify({ popupRows, panelRows: panelRows.slice(0, rows), popupTotal, panelTotal });
        return (
          popupRows.length > 0 &&
          rows > 0 &&
          popupTotal === all.length &&
          panelTotal === all.length &&
          JSON.stringify(popupRows) === JSON.stringify(newest.slice(0, popupRows.length)) &&
          JSON.stringify(panelRows.slice(0, rows)) === JSON.stringify(newest.slice(0, rows))
        );
      },
      {
        timeout: 10_000,
        interval: 100,
        message: `views did not converge on IndexedDB's newest ${newest.slice(0, 10).join(', ')}`,
      },
    )
    .toBe(true);
  console.log(
    `fault: concurrency: fired ${all.length} requests from two views in ${firedIn} ms; views: ${seen.slice(0, 160)}…`,
  );

  const leaks = await leaksInViews([popup, panel]);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  handled(meta);
});

defineSecretsSweep(() => ({ session, views: () => [popup, panel] }));
