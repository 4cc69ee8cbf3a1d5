/**
 * The History region: newest first, the panel's entry details, and clearing with a confirmation.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SPECIAL, linqErrorChat, okChat } from './harness/chat-ids.ts';
import { fire, historyItems, statusLabelOf } from './harness/history.ts';
import { readHistoryDb } from './harness/history-db.ts';
import { openDetails, responseHeader } from './harness/outcome.ts';
import { expectKeyNotInPageText } from './harness/page-text.ts';
import { configure } from './harness/configure.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';

let panel: Page;
let popup: Page;

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', { errors: session.errors });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    popup = await openView(session.extension, 'popup', { errors: session.errors });
  },
});

const fired: string[] = [];

describe('History', () => {
  test('lists every request newest first, with time, method, chat ID and status', async () => {
    const chats = [okChat(), linqErrorChat(1007), SPECIAL.html502, linqErrorChat(2001)];
    for (const chatId of chats) {
      await fire(panel, chatId);
      fired.push(chatId);
    }
    const items = historyItems(panel);
    expect(await items.count()).toBe(chats.length);
    const shown = await items.evaluateAll((elements) =>
      elements.map((element) => ({
        time: element.querySelector('time')?.textContent ?? '',
        method: element.querySelector('.method')?.textContent,
        chatId: element.querySelector('.chat-id')?.textContent,
        status: element.querySelector('.status')?.textContent,
      })),
    );
    expect(shown.map((entry) => entry.chatId)).toEqual(chats.toReversed());
    expect(shown.map((entry) => entry.status)).toEqual([
      '404 Linq error',
      '502 HTTP failure',
      '429 Linq error',
      '204 Success',
    ]);
    for (const entry of shown) {
      expect(entry.method).toBe('DELETE');
      expect(entry.time).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    }
    // The popup, open all along, shows the same entries.
    await expect.poll(() => historyItems(popup).count()).toBe(chats.length);
    // Only the panel offers Details: each of its table rows opens them (a listbox option).
    expect(await popup.getByRole('button', { name: 'Details' }).count()).toBe(0);
    expect(await panel.getByRole('listbox', { name: 'History entries' }).getByRole('option').count()).toBe(
      chats.length,
    );
  });

  test('panel Details: request (key redacted), response status, headers and body preview', async () => {
    const chatId = linqErrorChat(2001);
    const item = historyItems(panel).filter({ hasText: chatId }).first();
    const details = await openDetails(panel, item, chatId);
    expect(await item.getAttribute('aria-selected')).toBe('true');

    const text = (await details.textContent()) ?? '';
    expect(text).toContain(`DELETE ${session.baseUrl}/v3/chats/${chatId}/typing`);
    expect(text).toContain('HTTP 404');
    expect(text).toContain('(timeout 15 s)');
    const requestHeaders = (await details.getByRole('table', { name: 'Request headers' }).textContent()) ?? '';
    expect(requestHeaders).toContain('Bearer [redacted]');
    expect(requestHeaders).not.toContain(session.apiKey);
    expect(await responseHeader(details, 'content-type')).toBe('application/json');
    const body = (await details.getByLabel('Response body preview').textContent()) ?? '';
    expect(JSON.parse(body)).toMatchObject({ success: false, error: { status: 404, code: 2001 } });
    expect(await details.getByRole('link', { name: 'Documentation for 2001' }).getAttribute('href')).toBe(
      'https://docs.linqapp.com/error/codes/2xxx/2001/',
    );

    // The stored entry never holds the key either.
    const stored = await readHistoryDb(panel);
    expect(stored).toHaveLength(fired.length);
    expect(JSON.stringify(stored)).not.toContain(session.apiKey);
    for (const page of [panel, popup]) await expectKeyNotInPageText(page, session.apiKey);
  });

  test('Clear history asks first; Cancel keeps everything, "Yes, clear history" empties every view', async () => {
    await panel.bringToFront();
    const history = panel.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Clear history' }).click();
    const confirm = history.getByRole('group', { name: 'Confirm clearing the history' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await historyItems(panel).count()).toBe(fired.length);

    await history.getByRole('button', { name: 'Clear history' }).click();
    await confirm.getByRole('button', { name: 'Yes, clear history' }).click();
    await expect.poll(() => historyItems(panel).count()).toBe(0);
    expect(await history.getByText('No requests yet.').isVisible()).toBe(true);
    expect(await history.getByRole('list').count()).toBe(0);
    expect(await history.getByRole('button', { name: 'Clear history' }).isDisabled()).toBe(true);
    expect(await panel.getByRole('region', { name: 'Entry details' }).count()).toBe(0);
    await expect.poll(() => historyItems(popup).count()).toBe(0);
    expect(await readHistoryDb(panel)).toEqual([]);

    // And it starts filling again.
    const item = await fire(popup, okChat());
    expect(await statusLabelOf(item)).toBe('204 Success');
    await expect.poll(() => historyItems(panel).count()).toBe(1);
  });
});
