/**
 * The keyboard (issue 6, item 4): Ctrl+Enter from any field, every control reachable with Tab, focus kept
 * on the button that fired and moved to the list after "Clear history". And the ways to fire without a view
 * (item 5): the keyboard command and the context-menu item, run through the worker's own handlers, with the
 * outcome on the toolbar badge.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { linqErrorChat, okChat } from './harness/chat-ids.ts';
import { closeSettingsDrawer, configure } from './harness/configure.ts';
import { environmentRadio, headerEnvironment, switchEnvironment } from './harness/environments.ts';
import { expectNewEntry, fire, historyItems, statusLabelOf } from './harness/history.ts';
import { readHistoryDb } from './harness/history-db.ts';
import { focusedDescription, isFocused, tabThrough } from './harness/keyboard.ts';
import { extensionWorker, readBadge, resetBadge, rgba, runQuickStop } from './harness/service-worker.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';

const GREEN = rgba('#116329');
const RED = rgba('#a40e26');
const GREY = rgba('#57606a');

let popup: Page;
let panel: Page;

const session = useExtensionSession({
  async setUp() {
    popup = await openView(session.extension, 'popup', { errors: session.errors });
    await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    panel = await openView(session.extension, 'panel', {
      errors: session.errors,
      viewport: { width: 1280, height: 720 },
    });
  },
});

const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop typing', exact: true });
const chatField = (page: Page) => page.getByRole('textbox', { name: 'Chat ID' });

describe('Keyboard', () => {
  test('Ctrl+Enter in the API key field and in Base URL fires Stop typing; focus stays in the field', async () => {
    await popup.bringToFront();
    for (const name of ['API key', 'Base URL']) {
      const chatId = okChat();
      await chatField(popup).fill(chatId);
      const field = popup.getByRole('textbox', { name });
      session.mock.clearRequests();
      const item = await expectNewEntry(popup, chatId, async () => {
        await field.focus();
        await popup.keyboard.press('Control+Enter');
      });
      expect(await statusLabelOf(item)).toBe('204 Success');
      expect(session.mock.requests.map(({ method, chatId: id }) => `${method} ${id}`)).toEqual([`DELETE ${chatId}`]);
      expect(await isFocused(field)).toBe(true);
    }
  });

  test('Tab reaches Stop typing from Chat ID; Enter and Space fire it, and a click too; focus stays on the button', async () => {
    await popup.bringToFront();
    const chatId = okChat();
    await chatField(popup).fill(chatId);
    await chatField(popup).focus();
    await popup.keyboard.press('Tab');
    expect(await isFocused(stopButton(popup)), await focusedDescription(popup)).toBe(true);

    for (const key of ['Enter', 'Space']) {
      session.mock.clearRequests();
      const item = await expectNewEntry(popup, chatId, () => popup.keyboard.press(key));
      expect(await statusLabelOf(item)).toBe('204 Success');
      expect(session.mock.requests).toHaveLength(1);
      expect(await isFocused(stopButton(popup)), `after ${key}: ${await focusedDescription(popup)}`).toBe(true);
    }
    await expectNewEntry(popup, chatId, () => stopButton(popup).click());
    expect(await isFocused(stopButton(popup)), `after a click: ${await focusedDescription(popup)}`).toBe(true);
  });

  test('every visible control of the popup and of the panel is reached with Tab (Settings opened by keyboard)', async () => {
    for (const page of [popup, panel]) {
      await page.bringToFront();
      // The panel's settings drawer opens with the view (harness): closed first, so the keyboard opens it.
      await closeSettingsDrawer(page);
      const summary = page.getByText('Settings', { exact: true });
      await summary.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('spinbutton', { name: 'Request timeout (seconds)' }).waitFor({ timeout: 5_000 });
      const reach = await tabThrough(page);
      expect(reach.expected.length).toBeGreaterThan(15);
      expect(reach.missed, `Tab order: ${reach.visited.join(' → ')}`).toEqual([]);
      await summary.click();
    }
  });

  test('in the Environment group the arrow keys switch environments, one key press each', async () => {
    await popup.bringToFront();
    const production = environmentRadio(popup, 'Production');
    await production.focus();
    await popup.keyboard.press('ArrowDown');
    expect(await environmentRadio(popup, 'Local mock').isChecked()).toBe(true);
    await expect.poll(() => headerEnvironment(popup)).toBe('Environment: Local mock');
    await popup.keyboard.press('ArrowUp');
    expect(await production.isChecked()).toBe(true);
    await expect.poll(() => popup.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(session.baseUrl);
    await expect.poll(() => popup.getByRole('textbox', { name: 'API key' }).inputValue()).toBe(session.apiKey);
  });

  test('after "Clear history" → "Yes, clear history" focus moves to the emptied list in the History region', async () => {
    for (const [page, via] of [
      [popup, 'keyboard'],
      [panel, 'click'],
    ] as const) {
      await fire(page, okChat());
      await page.bringToFront();
      const history = page.getByRole('region', { name: 'History' });
      const clear = history.getByRole('button', { name: 'Clear history' });
      if (via === 'keyboard') {
        await clear.focus();
        await page.keyboard.press('Enter');
        const yes = history.getByRole('button', { name: 'Yes, clear history' });
        // The confirmation takes the focus, so Enter again confirms.
        await expect.poll(() => isFocused(yes)).toBe(true);
        await page.keyboard.press('Enter');
      } else {
        await clear.click();
        await history.getByRole('button', { name: 'Yes, clear history' }).click();
      }
      await expect.poll(() => historyItems(page).count()).toBe(0);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('section[aria-label="History"]') !== null), {
          message: `focus after clearing (${via}) is on ${await focusedDescription(page)}`,
          timeout: 3_000,
        })
        .toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('No requests yet.');
    }
  });
});

describe('Keyboard command and context menu (through the worker)', () => {
  let worker: Worker;
  const run = (handler: 'stopLastChat' | 'stopSelectedChat', selection?: string) =>
    runQuickStop(worker, handler, selection);

  beforeAll(async () => {
    worker = await extensionWorker(session.extension, popup);
  });

  test('the manifest declares the command stop-typing-last-chat (Alt+Shift+S) and the contextMenus permission', async () => {
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.commands?.['stop-typing-last-chat']).toMatchObject({ suggested_key: { default: 'Alt+Shift+S' } });
    expect(manifest.permissions).toContain('contextMenus');
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((command) => command.name === 'stop-typing-last-chat')).toMatchObject({
      description: 'Stop typing in the last Linq chat used',
      shortcut: 'Alt+Shift+S',
    });
    // The selection item exists under its ID (update() rejects for an unknown one).
    expect(
      await worker.evaluate(() =>
        chrome.contextMenus.update('stop-typing-selection', {}).then(
          () => 'exists',
          (error: unknown) => String(error),
        ),
      ),
    ).toBe('exists');
  });

  test('the command stops the last chat of the active environment: DELETE seen, entry added, badge "OK" in green', async () => {
    await popup.bringToFront();
    const chatId = okChat();
    await fire(popup, chatId);
    session.mock.clearRequests();
    await resetBadge(worker);

    const item = await expectNewEntry(popup, chatId, async () => void (await run('stopLastChat')));
    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(session.mock.requests.map(({ method, path, authorization }) => ({ method, path, authorization }))).toEqual([
      { method: 'DELETE', path: `/api/partner/v3/chats/${chatId}/typing`, authorization: `Bearer ${session.apiKey}` },
    ]);
    const badge = await readBadge(worker);
    expect(badge).toEqual({ text: 'OK', color: GREEN, title: expect.stringContaining(`(chat ${chatId})`) });
    // It shows in the panel too, which did not fire it.
    await expect.poll(() => historyItems(panel).filter({ hasText: chatId }).count()).toBeGreaterThanOrEqual(2);
  });

  test('each environment has its own last chat; an error shows its code in red; none yet shows "?" and sends nothing', async () => {
    const otherKey = 'sk_e2e_second_environment';
    const otherBase = `${session.mock.url}/second`;
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Add environment' }).click();
    await expect.poll(() => headerEnvironment(popup)).toBe('Environment: Custom 1');
    await configure(popup, { baseUrl: otherBase, apiKey: otherKey });

    // Nothing fired in this environment yet.
    session.mock.clearRequests();
    const entriesBefore = (await readHistoryDb(popup)).length;
    await run('stopLastChat');
    expect(await readBadge(worker)).toMatchObject({ text: '?', color: GREY });
    expect(session.mock.requests).toEqual([]);
    expect((await readHistoryDb(popup)).length).toBe(entriesBefore);

    const notFound = linqErrorChat(2001);
    await fire(popup, notFound);
    session.mock.clearRequests();
    const item = await expectNewEntry(popup, notFound, async () => void (await run('stopLastChat')));
    expect(await statusLabelOf(item)).toBe('404 Linq error');
    expect(session.mock.requests.map(({ path, authorization }) => ({ path, authorization }))).toEqual([
      { path: `/second/v3/chats/${notFound}/typing`, authorization: `Bearer ${otherKey}` },
    ]);
    expect(await readBadge(worker)).toMatchObject({ text: '2001', color: RED });

    // Back in the first environment, its own last chat, URL and key are used.
    await switchEnvironment(popup, 'Production', { baseUrl: session.baseUrl, apiKey: session.apiKey });
    session.mock.clearRequests();
    await run('stopLastChat');
    expect(session.mock.requests).toHaveLength(1);
    expect(session.mock.requests[0]).toMatchObject({
      path: expect.stringMatching(/^\/api\/partner\/v3\/chats\//),
      authorization: `Bearer ${session.apiKey}`,
    });
    expect(session.mock.requests[0]!.chatId).not.toBe(notFound);
    expect(await readBadge(worker)).toMatchObject({ text: 'OK', color: GREEN });
  });

  test('the context-menu handler stops the chat whose UUID is in the selection; without one, badge "?" and nothing sent', async () => {
    await popup.bringToFront();
    const chatId = okChat();
    session.mock.clearRequests();
    await resetBadge(worker);
    const item = await expectNewEntry(popup, chatId, async () => {
      await run('stopSelectedChat', `Customer says the dots keep going in chat ${chatId.toUpperCase()}, please check.`);
    });
    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(session.mock.requests.map(({ method, chatId: id }) => `${method} ${id}`)).toEqual([`DELETE ${chatId}`]);
    expect(await readBadge(worker)).toMatchObject({ text: 'OK', color: GREEN });

    const denied = linqErrorChat(2005);
    const errorItem = await expectNewEntry(
      popup,
      denied,
      async () => void (await run('stopSelectedChat', `id: ${denied}`)),
    );
    expect(await statusLabelOf(errorItem)).toBe('403 Linq error');
    expect(await readBadge(worker)).toMatchObject({ text: '2005', color: RED });

    session.mock.clearRequests();
    const entriesBefore = (await readHistoryDb(popup)).length;
    expect(await run('stopSelectedChat', 'no chat id in this selection, only 1234-5678')).toBeUndefined();
    expect(await readBadge(worker)).toMatchObject({
      text: '?',
      color: GREY,
      title: expect.stringContaining('no chat ID'),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(session.mock.requests).toEqual([]);
    expect((await readHistoryDb(popup)).length).toBe(entriesBefore);
  });
});
