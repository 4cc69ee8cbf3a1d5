/**
 * Journal, act, settle (the worker stores a pending entry before the request leaves): a request whose service worker is stopped mid-flight must not stay
 * "Pending" forever. The next worker start (the view wakes it) turns it "Interrupted", and Retry re-sends it.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SPECIAL } from './harness/chat-ids.ts';
import { expectNewEntry, fire, historyItems, statusLabelOf, submitChatId } from './harness/history.ts';
import { readHistoryDb } from './harness/history-db.ts';
import { describedValue, openDetails } from './harness/outcome.ts';
import { expectKeyNotInPageText } from './harness/page-text.ts';
import { configure } from './harness/configure.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';
import { stopServiceWorker } from './harness/worker.ts';

const SLOW_MS = 2_000;
let popup: Page;
let panel: Page;

const session = useExtensionSession({
  slowMs: SLOW_MS,
  async setUp() {
    popup = await openView(session.extension, 'popup', { errors: session.errors });
    await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    panel = await openView(session.extension, 'panel', { errors: session.errors });
  },
});

test('a worker stopped mid-request leaves the entry "Interrupted", not "Pending"; Retry re-sends it', async () => {
  const chatId = SPECIAL.slow;
  session.mock.clearRequests();

  // Fire the slow scenario and catch the entry while it is still pending.
  const pending = await expectNewEntry(popup, chatId, () => submitChatId(popup, chatId), { allowPending: true });
  expect(await statusLabelOf(pending)).toBe('Pending');
  await session.mock.waitForRequests(1, 5_000);
  expect(session.mock.requests[0]).toMatchObject({ chatId, authorization: `Bearer ${session.apiKey}` });

  const stoppedAt = Date.now();
  await stopServiceWorker(session.extension.context, popup);

  // The view wakes a new worker, which reconciles the entry it finds pending; every open view follows.
  await expect.poll(() => statusLabelOf(pending), { timeout: 5_000 }).toBe('Interrupted');
  const inPanel = historyItems(panel).filter({ hasText: chatId }).first();
  await expect.poll(() => statusLabelOf(inPanel), { timeout: 5_000 }).toBe('Interrupted');
  expect(Date.now() - stoppedAt).toBeLessThan(SLOW_MS);
  // The view that fired says its worker went away instead of waiting forever.
  expect(await popup.getByRole('region', { name: 'Latest result' }).textContent()).toContain('did not answer');
  // The popup's row is one line; the entry's decoding is in the panel's details.
  const details = await openDetails(panel, inPanel, chatId);
  expect(await describedValue(details, 'Retry')).toBe('Retry: this is usually transient; back off between tries.');
  await popup.bringToFront();

  // Nothing is left pending, in the view or in the store.
  expect(await historyItems(popup).filter({ hasText: 'Pending' }).count()).toBe(0);
  const stored = await readHistoryDb(popup);
  expect(stored.filter((entry) => entry.state === 'pending')).toEqual([]);
  expect(stored.filter((entry) => entry.state === 'interrupted').map((entry) => entry.chatId)).toEqual([chatId]);

  // Retry sends the same chat ID again; the slow scenario answers 204 this time, as a new entry.
  const retried = await expectNewEntry(popup, chatId, () => pending.getByRole('button', { name: 'Retry' }).click(), {
    timeout: SLOW_MS + 5_000,
  });
  expect(await statusLabelOf(retried)).toBe('204 Success');
  expect(await statusLabelOf(pending)).toBe('Interrupted');
  expect(session.mock.requests.map((request) => request.chatId)).toEqual([chatId, chatId]);
  expect(await historyItems(popup).filter({ hasText: 'Pending' }).count()).toBe(0);
  expect((await readHistoryDb(popup)).filter((entry) => entry.state === 'pending')).toEqual([]);
});

test('after the restart the new worker serves requests as usual', async () => {
  const item = await fire(panel, '3d1f8c52-7a4e-4b9d-9c61-2f5e8a7b0d14');
  expect(await statusLabelOf(item)).toBe('204 Success');
  for (const page of [popup, panel]) await expectKeyNotInPageText(page, session.apiKey);
});
