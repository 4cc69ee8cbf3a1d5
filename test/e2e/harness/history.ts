import type { Locator, Page } from 'playwright-core';
import { waitUntil } from './wait.ts';

/**
 * The History region's items, newest first (the region named "History" that both views have): the popup's
 * list items, or the panel's table rows (options of its listbox).
 */
export function historyItems(page: Page): Locator {
  const region = page.getByRole('region', { name: 'History' });
  return region.getByRole('listitem').or(region.getByRole('option'));
}

/** The newest item for a chat ID. */
export function historyItemFor(page: Page, chatId: string): Locator {
  return historyItems(page).filter({ hasText: chatId }).first();
}

/** The status label of an item: "204 Success", "404 Linq error", "Timeout", "Interrupted", "Pending", … */
export async function statusLabelOf(item: Locator): Promise<string> {
  // Short: this is polled, and a missing item must not block for Playwright's 30 s default.
  return ((await item.locator('.status').textContent({ timeout: 1_000 })) ?? '').trim();
}

/** The History's items as text, for failure messages. */
export async function historyDump(page: Page): Promise<string> {
  const texts = await historyItems(page).allTextContents();
  return texts.map((text, index) => `\n  ${index}: ${text.replace(/\s+/g, ' ').slice(0, 160)}`).join('');
}

/**
 * What identifies one entry: its start time (ms precision) and chat ID, read from the newest item in one go
 * (two separate reads could straddle a re-render and pair one entry's time with another's chat ID).
 */
async function newestSignature(page: Page): Promise<string | undefined> {
  const items = historyItems(page);
  if ((await items.count()) === 0) return undefined;
  return items
    .first()
    .evaluate(
      (item) =>
        `${item.querySelector('time')?.getAttribute('datetime')}|${item.querySelector('.chat-id')?.textContent}`,
      undefined,
      { timeout: 1_000 },
    );
}

/** Types a chat ID into this view's own "Chat ID" field and sends it, by click or by Enter. */
export async function submitChatId(page: Page, chatId: string, via: 'click' | 'enter' = 'click'): Promise<void> {
  // A background tab's frames are throttled, which makes every click wait ~1 s for a stable element.
  await page.bringToFront();
  const field = page.getByRole('textbox', { name: 'Chat ID' });
  await field.fill(chatId);
  if (via === 'enter') await field.press('Enter');
  else await page.getByRole('button', { name: 'Stop typing' }).click();
}

/**
 * Runs `action` (which fires one request from this page), waits until a new entry for `chatId` tops the
 * History and has left "Pending", and returns a locator pinned to that entry (stable as newer ones arrive).
 */
export async function expectNewEntry(
  page: Page,
  chatId: string,
  action: () => Promise<void>,
  options: { timeout?: number; allowPending?: boolean } = {},
): Promise<Locator> {
  const before = await newestSignature(page);
  await action();
  let signature: string | undefined;
  await waitUntil(
    async () => {
      signature = await newestSignature(page);
      return signature !== undefined && signature !== before && signature.endsWith(`|${chatId}`);
    },
    {
      timeout: options.timeout ?? 10_000,
      message: `no new history entry for ${chatId}`,
      describe: () => `newest: ${signature}`,
    },
  );
  const time = signature!.split('|')[0]!;
  const item = historyItems(page)
    .filter({ has: page.locator(`time[datetime="${time}"]`) })
    .filter({ hasText: chatId });
  if (!options.allowPending) await waitUntilSettled(item, options.timeout);
  return item;
}

/**
 * Fires a chat ID from this page and returns its settled History entry. `typed` is what goes into the field
 * when it differs from the chat ID the entry will show (e.g. with quotes or another case).
 */
export function fire(
  page: Page,
  chatId: string,
  options: { via?: 'click' | 'enter'; typed?: string; timeout?: number } = {},
): Promise<Locator> {
  return expectNewEntry(page, chatId, () => submitChatId(page, options.typed ?? chatId, options.via), {
    timeout: options.timeout,
  });
}

export async function waitUntilSettled(item: Locator, timeout = 10_000): Promise<string> {
  let label = '';
  await waitUntil(
    async () => {
      label = await statusLabelOf(item);
      return label !== '' && label !== 'Pending';
    },
    {
      timeout,
      message: 'the entry stayed Pending',
      describe: async () => `status: ${label}; history: ${await historyDump(item.page())}`,
    },
  );
  return label;
}

/** The href of an item's "Documentation for NNNN" link. */
export function docLinkHref(scope: Locator, code: number): Promise<string | null> {
  return scope.getByRole('link', { name: `Documentation for ${code}` }).getAttribute('href', { timeout: 2_000 });
}
