/**
 * A large import through the panel's real Import JSON control (issue 12, F8): Cancel import
 * stops it and keeps nothing of the file, and the same file imported again to the end is all there. The
 * file goes to the worker as an object URL; the worker reads, checks and stores it.
 */
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { exportHistoryJson } from '../../src/core/share/export-json.ts';
import { settledEntries } from '../bench/bench-entries.ts';
import { openTransfer } from './harness/history-search.ts';
import { useExtensionSession } from './harness/session.ts';
import { pickFile } from './harness/transfer.ts';
import { openView } from './harness/views.ts';

const TOTAL = 30_000;

/** Entries in the database, own and imported (pages included, committed or not), counted in the page. */
function storedCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('linq-inspector');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['history', 'imported'], 'readonly');
    const own = tx.objectStore('history').count();
    const pages = tx.objectStore('imported').getAll();
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return own.result + (pages.result as unknown[][]).reduce((sum, stored) => sum + stored.length, 0);
  });
}

let panel: Page;
let transfer: Locator;
let file: string;

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', { errors: session.errors });
    // Room for the whole file: the history limit is raised through the worker's own settings.
    await panel.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), historyCap: 50_000 } });
    });
    file = exportHistoryJson(settledEntries(session.baseUrl, TOTAL, Date.now() - 60_000), '1.0.0', Date.now());
    transfer = await openTransfer(panel);
  },
});

test('Cancel import during a large import keeps nothing; imported to the end, every entry is there', async () => {
  const status = transfer.getByRole('status');
  await pickFile(transfer.getByLabel('Import JSON'), 'big-history.json', file);
  // Pressed while the file is being read, before any entry is checked, so it lands before the commit.
  await transfer.getByRole('button', { name: 'Cancel import' }).click();
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Import cancelled. Nothing was imported.');
  expect(await storedCount(panel)).toBe(0);

  await pickFile(transfer.getByLabel('Import JSON'), 'big-history.json', file);
  await expect
    .poll(() => status.textContent(), { timeout: 30_000 })
    .toBe('Read 30,000 entries: 30,000 imported, 0 already present. Nothing was evicted.');
  expect(await storedCount(panel)).toBe(TOTAL);
});
