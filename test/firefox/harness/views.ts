import type { Page } from 'puppeteer-core';
import { waitUntil } from '../../e2e/harness/wait.ts';
import { readExtensionStorage } from '../../e2e/harness/storage.ts';
import { byRole, byRoleAndName, textField } from './firefox.ts';

/**
 * Types into a field the way an operator does (over what it held), then leaves it (settings apply on change).
 * With no pause between keys: typed fast, several writes of the key are in flight at once, and none of their
 * echoes may drop a character (src/ui/edit-tracker.ts, editedUntil).
 */
export async function fillField(page: Page, name: string, value: string): Promise<void> {
  const field = await textField(page, name);
  await field.evaluate((input) => input.select());
  await field.type(value);
  await field.evaluate((input) => input.blur());
}

/** Points the active environment at `baseUrl` with `apiKey`, and waits until storage holds both. */
export async function configure(page: Page, config: { baseUrl: string; apiKey: string }): Promise<void> {
  await fillField(page, 'Base URL', config.baseUrl);
  await fillField(page, 'API key', config.apiKey);
  let seen = '';
  await waitUntil(
    async () => {
      const { local, session } = await readExtensionStorage(page);
      seen = JSON.stringify({ local, session });
      return seen.includes(config.baseUrl) && Object.values(session).includes(config.apiKey);
    },
    { timeout: 10_000, message: 'the settings did not reach storage', describe: () => seen },
  );
}

export interface HistoryRow {
  text: string;
  /** "204 Success", "404 Linq error", "Pending", … */
  status: string;
}

/** The History region's items, newest first: the popup's list items or the panel's table rows. */
export async function historyRows(page: Page): Promise<HistoryRow[]> {
  const region = await page.waitForSelector(byRole('region', 'History'), { timeout: 10_000 });
  if (!region) throw new Error('no History region');
  return region.$$eval('li, [role="option"]', (items) =>
    items.map((item) => ({
      text: (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
      status: (item.querySelector('.status')?.textContent ?? '').trim(),
    })),
  );
}

/** Waits for the newest settled History row of `chatId` on this page. */
export async function settledRowFor(page: Page, chatId: string, timeout = 15_000): Promise<HistoryRow> {
  let rows: HistoryRow[] = [];
  let row: HistoryRow | undefined;
  await waitUntil(
    async () => {
      rows = await historyRows(page);
      row = rows.find((candidate) => candidate.text.includes(chatId));
      return row !== undefined && row.status !== '' && row.status !== 'Pending';
    },
    { timeout, message: `no settled History entry for ${chatId}`, describe: () => JSON.stringify(rows) },
  );
  return row!;
}

/** Types a chat ID into Chat ID, presses Stop typing, and waits for its entry to settle in History. */
export async function fireStop(page: Page, chatId: string): Promise<HistoryRow> {
  await fillField(page, 'Chat ID', chatId);
  await (await byRoleAndName(page, 'button', 'Stop typing')).click();
  return settledRowFor(page, chatId);
}

/** The href of a "Documentation for NNNN" link inside the region of this name. */
export async function docLinkIn(page: Page, region: string, code: number): Promise<string | null> {
  const link = await page.waitForSelector(
    `${byRole('region', region)} ${byRole('link', `Documentation for ${code}`)}`,
    {
      timeout: 10_000,
    },
  );
  return link ? link.evaluate((element) => element.getAttribute('href')) : null;
}
