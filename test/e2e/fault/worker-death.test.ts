/**
 * Fault injection, worker death (issue 3 §3): the service worker stopped mid-request and while idle, and the
 * whole extension reloaded (chrome.runtime.reload() from an extension page) while idle and mid-request. No
 * entry stays pending, Retry works, the next request works, and the history survives the reload.
 *
 * A reload ends every extension page (Chrome turns their tabs into a new-tab page) and empties
 * storage.session, so the (unremembered) key has to be typed again afterwards, as an operator would.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SPECIAL, okChat } from '../harness/chat-ids.ts';
import { configure } from '../harness/configure.ts';
import { expectNewEntry, fire, statusLabelOf, submitChatId } from '../harness/history.ts';
import { readExtensionStorage } from '../harness/storage.ts';
import { keyIn } from '../harness/stored.ts';
import { openView, viewUrl } from '../harness/views.ts';
import { waitUntil } from '../harness/wait.ts';
import { stopServiceWorker } from '../harness/worker.ts';
import { readHistoryDb, type StoredEntry } from './lib/db.ts';
import { defineSecretsSweep, lostEntries, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault, type FaultMeta } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';
import { shownStatus } from './lib/view-checks.ts';

const SLOW_MS = 1_500;
let popup: Page;
let panel: Page;
/** Every chat ID fired in this file, in order (repeats included). */
const fired: string[] = [];

const session = useFaultSession({
  slowMs: SLOW_MS,
  firstView: 'popup',
  async setUp() {
    popup = session.first;
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
    panel = await openView(session.extension, 'panel');
  },
});

async function fireOk(page: Page): Promise<string> {
  const chatId = okChat();
  fired.push(chatId);
  expect(await statusLabelOf(await fire(page, chatId))).toBe('204 Success');
  return chatId;
}

/** Fires the slow scenario and returns once the mock has it and the entry shows "Pending". */
async function fireSlowAndCatchPending(page: Page) {
  const before = session.mock.requests.length;
  fired.push(SPECIAL.slow);
  const pending = await expectNewEntry(page, SPECIAL.slow, () => submitChatId(page, SPECIAL.slow), {
    allowPending: true,
  });
  await session.mock.waitForRequests(before + 1, 5_000);
  expect(await statusLabelOf(pending)).toBe('Pending');
  return pending;
}

/** Nothing pending in the store, and the figures: lost entries and leaks so far. */
async function settleFigures(meta: FaultMeta, page: Page): Promise<void> {
  const stored = await readHistoryDb(page);
  expect(stored.filter((entry) => entry.state === 'pending')).toEqual([]);
  const lost = await lostEntries(page, session, { fired });
  meta.lost = lost.lost;
  expect(lost.detail).toEqual([]);
  const leaks = await leaksInViews([popup, panel]);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
}

function summary(entries: StoredEntry[]): string[] {
  return entries.map((entry) => `${entry.id} ${entry.chatId} ${entry.state} ${entry.outcome?.kind ?? '-'}`).toSorted();
}

/**
 * Reloads the extension from one of its pages and waits until it is back: the new worker answers, and its
 * pages can be opened again. Returns the reopened popup and panel (new tabs).
 */
async function reloadExtension(from: Page): Promise<{ popup: Page; panel: Page }> {
  const context = session.extension.context;
  // Chrome closes the extension's tabs (or, for a window's last tab, turns it into a new-tab page).
  const gone = [popup, panel].map((page) =>
    Promise.race([
      page.waitForEvent('close', { timeout: 10_000 }),
      page.waitForURL((url) => !url.href.startsWith('chrome-extension://'), { timeout: 10_000 }),
    ]).catch((error: unknown) => {
      if (!page.isClosed()) throw error;
    }),
  );
  // Scheduled, so the evaluate returns before the page goes away.
  await from.evaluate(() => void setTimeout(() => chrome.runtime.reload(), 0));
  await Promise.all(gone);
  let reopened: Page | undefined;
  await waitUntil(
    async () => {
      reopened ??= await context.newPage();
      const response = await reopened.goto(viewUrl(session.extension.extensionId, 'popup')).catch(() => null);
      return response !== null && response.ok();
    },
    { timeout: 10_000, interval: 200, message: 'the extension did not come back after chrome.runtime.reload()' },
  );
  await reopened!.close();
  // Any old tab left shows a new-tab page; blank it so openView reuses it.
  for (const page of [popup, panel]) if (!page.isClosed()) await page.goto('about:blank');
  const nextPopup = await openView(session.extension, 'popup');
  const nextPanel = await openView(session.extension, 'panel');
  return { popup: nextPopup, panel: nextPanel };
}

test('stopped mid-request: the entry ends "Interrupted", Retry re-sends it', async ({ task }) => {
  const meta = recordFault(task, 'worker-death');
  const pending = await fireSlowAndCatchPending(popup);
  const stoppedAt = Date.now();
  await stopServiceWorker(session.extension.context, popup);

  await expect.poll(() => statusLabelOf(pending), { timeout: 5_000 }).toBe('Interrupted');
  await expect.poll(() => shownStatus(panel, SPECIAL.slow), { timeout: 5_000 }).toBe('Interrupted');
  expect(Date.now() - stoppedAt).toBeLessThan(SLOW_MS);
  expect(await popup.getByRole('region', { name: 'Latest result' }).textContent()).toContain('did not answer');

  fired.push(SPECIAL.slow);
  const retried = await expectNewEntry(
    popup,
    SPECIAL.slow,
    () => pending.getByRole('button', { name: 'Retry' }).click(),
    {
      timeout: SLOW_MS + 5_000,
    },
  );
  expect(await statusLabelOf(retried)).toBe('204 Success');
  const states = (await readHistoryDb(popup))
    .filter((entry) => entry.chatId === SPECIAL.slow)
    .map((entry) => entry.state);
  expect(states.toSorted()).toEqual(['interrupted', 'settled']);
  await settleFigures(meta, popup);
  handled(meta);
});

test('stopped while idle: the next request wakes a new worker and works', async ({ task }) => {
  const meta = recordFault(task, 'worker-death');
  await fireOk(panel);
  await stopServiceWorker(session.extension.context, panel);
  const chatId = await fireOk(panel);
  await expect.poll(() => shownStatus(popup, chatId), { timeout: 5_000 }).toBe('204 Success');
  await settleFigures(meta, panel);
  handled(meta);
});

test('extension reloaded while idle: history intact, the next request works once the key is typed again', async ({
  task,
}) => {
  const meta = recordFault(task, 'worker-death');
  await fireOk(popup);
  const before = summary(await readHistoryDb(popup));
  expect(before.length).toBeGreaterThan(0);

  ({ popup, panel } = await reloadExtension(popup));

  expect(summary(await readHistoryDb(popup))).toEqual(before);
  // Both views list it: their "History" count says how many entries there are.
  for (const page of [popup, panel]) {
    await expect
      .poll(async () =>
        ((await page.getByRole('region', { name: 'History' }).locator('.count').textContent()) ?? '')
          .match(/\d+/g)
          ?.at(-1),
      )
      .toBe(String(before.length));
  }
  // storage.session went with the old extension instance: the key must be entered again.
  expect(keyIn((await readExtensionStorage(popup)).session)).toBeUndefined();
  expect(await popup.getByRole('textbox', { name: 'API key' }).inputValue()).toBe('');
  await configure(popup, { apiKey: FAULT_KEY });
  await fireOk(popup);
  await settleFigures(meta, popup);
  handled(meta);
});

test('extension reloaded mid-request: the entry ends "Interrupted", nothing else is lost, the next request works', async ({
  task,
}) => {
  const meta = recordFault(task, 'worker-death');
  await fireSlowAndCatchPending(panel);
  const before = (await readHistoryDb(panel)).filter((entry) => entry.state !== 'pending');

  ({ popup, panel } = await reloadExtension(panel));

  // The new worker reconciles at start: the entry it finds pending is interrupted, every other is untouched.
  await expect
    .poll(async () => (await readHistoryDb(popup)).filter((entry) => entry.state === 'pending').length, {
      timeout: 5_000,
    })
    .toBe(0);
  const after = await readHistoryDb(popup);
  expect(summary(after.filter((entry) => before.some((old) => old.id === entry.id)))).toEqual(summary(before));
  const interrupted = after.filter((entry) => entry.chatId === SPECIAL.slow && entry.state === 'interrupted');
  expect(interrupted).toHaveLength(2);
  await expect.poll(() => shownStatus(panel, SPECIAL.slow), { timeout: 5_000 }).toBe('Interrupted');

  await configure(popup, { apiKey: FAULT_KEY });
  await fireOk(popup);
  await settleFigures(meta, popup);
  handled(meta);
});

defineSecretsSweep(() => ({ session, views: () => [popup, panel] }));
