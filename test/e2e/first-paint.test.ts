/**
 * The popup's first paint: it lists what it or the panel showed last time at once, from a copy both keep in
 * localStorage, then the stored settings, the key and the worker's copy of the newest entries take over.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { okChat } from './harness/chat-ids.ts';
import { configure } from './harness/configure.ts';
import { headerEnvironment } from './harness/environments.ts';
import { fire, historyItems } from './harness/history.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView, viewUrl, waitForViewReady } from './harness/views.ts';
import { FIRST_PAINT_KEY } from '../../src/platform/first-paint-store.ts';

let panel: Page;

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', { errors: session.errors });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
  },
});

interface FirstSight {
  /** The key field's aria-busy when the form first appeared: "true" while the stored key is on its way. */
  busy: string | null;
  keyValue: string;
  /** The chat IDs listed at that same moment. */
  chatIds: string[];
}

/** Records, from the page's very start, what the popup showed the first time its form appeared. */
function recordFirstSight(): void {
  const state = globalThis as unknown as { linqFirstSight?: FirstSight };
  const look = (): boolean => {
    const key = document.getElementById('popup-api-key') as HTMLInputElement | null;
    if (!key) return false;
    state.linqFirstSight = {
      busy: key.getAttribute('aria-busy'),
      keyValue: key.value,
      chatIds: [...document.querySelectorAll('.history-list .chat-id')].map((element) => element.textContent ?? ''),
    };
    return true;
  };
  const observer = new MutationObserver(() => look() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens a new popup tab and returns it with what it showed first. */
async function openPopupWatched(): Promise<{ popup: Page; first: FirstSight }> {
  const popup = await session.extension.context.newPage();
  session.errors.watch(popup);
  await popup.addInitScript({ content: `(${recordFirstSight.toString()})();` });
  await popup.goto(viewUrl(session.extension.extensionId, 'popup'));
  await waitForViewReady(popup);
  const first = await popup.evaluate(() => (globalThis as unknown as { linqFirstSight: FirstSight }).linqFirstSight);
  return { popup, first };
}

function readCopy(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), FIRST_PAINT_KEY);
}

function writeCopy(page: Page, text: string): Promise<void> {
  return page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [FIRST_PAINT_KEY, text]);
}

describe("The popup's first paint", () => {
  let firedChat: string;

  test('with no copy yet, the popup waits for storage: its form first appears with the key in', async () => {
    // The panel opened above keeps a copy too; it is taken away, as before any view has ever been opened.
    await expect.poll(() => readCopy(panel)).not.toBeNull();
    await panel.evaluate((key) => localStorage.removeItem(key), FIRST_PAINT_KEY);
    const { popup, first } = await openPopupWatched();
    expect(first.busy).toBeNull();
    expect(first.keyValue).toBe(session.apiKey);
    firedChat = okChat();
    await fire(popup, firedChat);
    // Kept for the next opening: settings and entries, never the key.
    await expect.poll(() => readCopy(popup)).toContain(firedChat);
    expect(await readCopy(popup)).not.toContain(session.apiKey);
    expect(await popup.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(session.apiKey);
    await popup.close();
  });

  test('the next popup lists its rows in the same frame as its form, and the stored key follows', async () => {
    const { popup, first } = await openPopupWatched();
    expect(first.busy).toBe('true');
    expect(first.keyValue).toBe('');
    expect(first.chatIds).toContain(firedChat);
    await expect.poll(() => popup.getByRole('textbox', { name: 'API key' }).inputValue()).toBe(session.apiKey);
    expect(await popup.getByRole('textbox', { name: 'API key' }).getAttribute('aria-busy')).toBeNull();
    // Usable at once: a request sent now goes out with the stored key.
    const chatId = okChat();
    await fire(popup, chatId);
    expect(
      session.mock.requests.filter((request) => request.chatId === chatId).map((request) => request.authorization),
    ).toEqual([`Bearer ${session.apiKey}`]);
    await popup.close();
  });

  test('a stale copy shows only until the stored settings and entries arrive', async () => {
    const kept = JSON.parse((await readCopy(panel))!) as {
      settings: { activeProfileId: string };
      recent: { entries: { chatId: string }[] };
    };
    const staleChat = okChat();
    kept.settings.activeProfileId = 'local';
    for (const entry of kept.recent.entries) entry.chatId = staleChat;
    await writeCopy(panel, JSON.stringify(kept));

    const { popup, first } = await openPopupWatched();
    expect(first.chatIds).toContain(staleChat);
    await expect.poll(() => headerEnvironment(popup)).toBe('Environment: Production');
    expect(await popup.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(session.baseUrl);
    await expect.poll(() => historyItems(popup).filter({ hasText: staleChat }).count()).toBe(0);
    expect(await historyItems(popup).filter({ hasText: firedChat }).count()).toBe(1);
    await popup.close();
  });

  test('a damaged copy is ignored, and replaced by a good one', async () => {
    await writeCopy(panel, '{"settings": {"profiles": 7}, "recent": ');
    const { popup, first } = await openPopupWatched();
    expect(first.busy).toBeNull();
    expect(first.keyValue).toBe(session.apiKey);
    expect(await historyItems(popup).filter({ hasText: firedChat }).count()).toBe(1);
    await expect.poll(async () => JSON.parse((await readCopy(popup)) ?? 'null')?.recent?.total).toBe(2);
    await popup.close();
  });

  test('clearing the history from the panel empties the copy too, so no popup paints a cleared entry', async () => {
    await panel.bringToFront();
    const history = panel.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Clear history' }).click();
    await history
      .getByRole('group', { name: 'Confirm clearing the history' })
      .getByRole('button', { name: 'Yes, clear history' })
      .click();
    await expect.poll(() => historyItems(panel).count()).toBe(0);
    const kept = JSON.parse((await readCopy(panel))!) as { recent: { entries: unknown[]; total: number } };
    expect(kept.recent).toEqual({ entries: [], total: 0 });

    const { popup, first } = await openPopupWatched();
    expect(first.chatIds).toEqual([]);
    expect(await popup.getByRole('region', { name: 'History' }).getByText('No requests yet.').isVisible()).toBe(true);
    await popup.close();
  });
});
