/**
 * Fault injection, the history database across versions (issue 12, F16). A newer or older build may leave
 * records this one cannot read, some of them still "pending" (a worker stopped mid-request). Here the real
 * extension's database gets such records beside its own entries, the worker is stopped, and the next worker
 * must settle every pending record, whatever its shape: repaired into an "Interrupted" entry when it can be,
 * removed otherwise, never left pending, and every count agreeing afterwards. Migration by version itself is
 * unit-tested (test/unit/worker/history-upgrade.test.ts): a build with a next schema step is not at hand here.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { okChat } from '../harness/chat-ids.ts';
import { configure } from '../harness/configure.ts';
import { fire, historyItemFor, statusLabelOf } from '../harness/history.ts';
import { reloadView } from '../harness/views.ts';
import { stopServiceWorker } from '../harness/worker.ts';
import { DB_NAME, readHistoryDb } from './lib/db.ts';
import { defineSecretsSweep, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';

let popup: Page;

const session = useFaultSession({
  firstView: 'popup',
  async setUp() {
    popup = session.first;
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
  },
});

/** Every record of the history store as stored, unchecked. */
function rawRecords(page: Page): Promise<Array<{ id: unknown; state?: unknown }>> {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('history', 'readonly').objectStore('history').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as Array<{ id: unknown; state?: unknown }>);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    DB_NAME,
  );
}

/** Writes records into the history store, and a row for each into the search store, as another build would. */
function seed(page: Page, records: object[]): Promise<void> {
  return page.evaluate(
    ({ name, records: list }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['history', 'search'], 'readwrite');
          for (const record of list) {
            tx.objectStore('history').put(record);
            const { id, startedAt } = record as { id: string; startedAt?: number };
            tx.objectStore('search').put({ id, startedAt: startedAt ?? 0, text: id, kind: 'pending' });
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DB_NAME, records },
  );
}

test('pending records of any shape: the next worker settles each, none stays pending', async ({ task }) => {
  const meta = recordFault(task, 'upgrade', 3);
  const own = [okChat(), okChat()];
  for (const chatId of own) await fire(popup, chatId);
  const [template] = await readHistoryDb(popup);
  const now = Date.now();
  const base = { ...template!, state: 'pending', outcome: undefined, response: undefined, durationMs: undefined };
  const readable = okChat();
  const otherVersion = okChat();
  await seed(popup, [
    // Pending, as this version writes it: its worker was stopped mid-request.
    { ...base, id: 'seed-readable', chatId: readable, startedAt: now - 3_000 },
    // Pending, written by another version: a duration and an outcome this one does not know.
    {
      ...base,
      id: 'seed-other-version',
      chatId: otherVersion,
      startedAt: now - 2_000,
      durationMs: 'soon',
      outcome: { kind: 'queued' },
    },
    // Pending, with nothing left to make an entry of.
    { id: 'seed-shapeless', state: 'pending', startedAt: now - 1_000 },
  ]);
  expect((await rawRecords(popup)).filter((record) => record.state === 'pending')).toHaveLength(3);

  await stopServiceWorker(session.extension.context, popup);
  // Opening a view wakes a new worker, which reconciles before anything else.
  await reloadView(popup);
  const stillPending = async () => (await rawRecords(popup)).filter((record) => record.state === 'pending');
  await expect.poll(stillPending, { timeout: 10_000 }).toEqual([]);

  const records = await rawRecords(popup);
  expect(records.map((record) => record.id)).not.toContain('seed-shapeless');
  expect(records).toHaveLength(own.length + 2);
  for (const chatId of [readable, otherVersion]) {
    await expect.poll(() => statusLabelOf(historyItemFor(popup, chatId)), { timeout: 5_000 }).toBe('Interrupted');
  }
  // The operator's own entries are all still there, and the count agrees with the store.
  const stored = await readHistoryDb(popup);
  const ownStates = stored.filter((entry) => own.includes(entry.chatId)).map((entry) => entry.state);
  expect(ownStates).toEqual(['settled', 'settled']);
  const count = (await popup.getByRole('region', { name: 'History' }).locator('.count').textContent())?.trim();
  expect(count).toMatch(new RegExp(`(^|of )${records.length}$`));
  // And the next request is stored as usual.
  expect(await statusLabelOf(await fire(popup, okChat()))).toBe('204 Success');

  const leaks = await leaksInViews([popup]);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  handled(meta);
});

defineSecretsSweep(() => ({ session, views: () => [popup] }));
