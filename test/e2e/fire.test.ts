/**
 * Firing "Stop typing" from the popup and from the panel: what the mock receives, what the views show, and
 * that every open view follows the shared history live.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SPECIAL, linqErrorChat, okChat } from './harness/chat-ids.ts';
import { docLinkHref, fire, historyItemFor, historyItems, statusLabelOf } from './harness/history.ts';
import { expectKeyNotInPageText } from './harness/page-text.ts';
import { configure } from './harness/configure.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';

let popup: Page;
let panel: Page;

const session = useExtensionSession({
  async setUp() {
    popup = await openView(session.extension, 'popup', { errors: session.errors });
    await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    panel = await openView(session.extension, 'panel', { errors: session.errors });
  },
});

function expectTypingRequest(chatId: string): void {
  expect(session.mock.requests).toHaveLength(1);
  const [request] = session.mock.requests;
  expect(request).toMatchObject({
    method: 'DELETE',
    path: `/api/partner/v3/chats/${chatId}/typing`,
    chatId,
    authorization: `Bearer ${session.apiKey}`,
  });
}

describe('Stop typing', () => {
  test('from the popup: 204 shows in Latest result and History, and the mock saw the DELETE with the key', async () => {
    const chatId = okChat();
    session.mock.clearRequests();
    const item = await fire(popup, chatId);

    expect(await statusLabelOf(item)).toBe('204 Success');
    await expect.poll(() => item.textContent()).toContain('DELETE');
    const latest = popup.getByRole('region', { name: 'Latest result' });
    expect(await latest.getAttribute('aria-live')).toBe('polite');
    expect(await latest.textContent()).toContain('204 Success');
    expect(await latest.textContent()).toContain('typing stopped');
    expectTypingRequest(chatId);
  });

  test('from the panel (Enter in Chat ID): same request and result; it shares the popup’s settings', async () => {
    await panel.bringToFront();
    // Settings apply on change and are shared: the panel, opened after the popup was configured, shows them.
    expect(await panel.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(session.baseUrl);
    expect(await panel.getByRole('textbox', { name: 'API key' }).inputValue()).toBe(session.apiKey);
    expect(await panel.getByRole('textbox', { name: 'API key' }).getAttribute('type')).toBe('password');

    const chatId = okChat();
    session.mock.clearRequests();
    // Surrounding whitespace and quotes are forgiven, and any case is accepted.
    const item = await fire(panel, chatId, { via: 'enter', typed: `  "${chatId.toUpperCase()}" ` });

    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(await panel.getByRole('region', { name: 'Latest result' }).textContent()).toContain('204 Success');
    expectTypingRequest(chatId);
  });

  test('an entry fired from the popup appears live in the already-open panel, without a reload', async () => {
    await panel.evaluate(() => {
      (window as unknown as { e2eMarker: string }).e2eMarker = 'still the same document';
    });
    const chatId = linqErrorChat(2005);
    const item = await fire(popup, chatId);
    expect(await statusLabelOf(item)).toBe('403 Linq error');

    const inPanel = historyItemFor(panel, chatId);
    await inPanel.waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(() => statusLabelOf(inPanel)).toBe('403 Linq error');
    expect(await historyItems(panel).first().textContent()).toContain(chatId);
    expect(await panel.evaluate(() => (window as unknown as { e2eMarker?: string }).e2eMarker)).toBe(
      'still the same document',
    );
  });

  test('popup after a 404/2001: latest result decoded, history listed; the key is never shown as text', async () => {
    await fire(popup, linqErrorChat(1007));
    const item = await fire(popup, linqErrorChat(2001));
    expect(await statusLabelOf(item)).toBe('404 Linq error');
    const latest = popup.getByRole('region', { name: 'Latest result' });
    expect(await latest.textContent()).toContain('Chat not found');
    expect(await docLinkHref(latest, 2001)).toBe('https://docs.linqapp.com/error/codes/2xxx/2001/');
    expect(await historyItems(popup).count()).toBeGreaterThanOrEqual(4);

    // Showing the key only unmasks the input; it never becomes page text.
    await popup.getByRole('button', { name: 'Show key' }).click();
    expect(await popup.getByRole('textbox', { name: 'API key' }).getAttribute('type')).toBe('text');
    await expectKeyNotInPageText(popup, session.apiKey);
    await popup.getByRole('button', { name: 'Hide key' }).click();
    expect(await popup.getByRole('textbox', { name: 'API key' }).getAttribute('type')).toBe('password');
    await expectKeyNotInPageText(panel, session.apiKey);
  });

  test('"Sending…" and aria-busy show only for a request still in flight after 100 ms, and until it lands', async () => {
    await popup.bringToFront();
    const latest = popup.getByRole('region', { name: 'Latest result' });
    // Records, from the click on, every moment the region is busy or says "Sending" (ms after the mark).
    await popup.evaluate(() => {
      const region = document.querySelector('section.latest')!;
      const state = window as unknown as { e2eBusyAt: number[]; e2eMark: number };
      state.e2eBusyAt = [];
      state.e2eMark = performance.now();
      new MutationObserver(() => {
        if (region.getAttribute('aria-busy') === 'true' || (region.textContent ?? '').includes('Sending')) {
          state.e2eBusyAt.push(performance.now() - state.e2eMark);
        }
      }).observe(region, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const busyAt = () => popup.evaluate(() => (window as unknown as { e2eBusyAt: number[] }).e2eBusyAt);
    const quick = okChat();
    await fire(popup, quick);
    await expect.poll(async () => (await latest.textContent()) ?? '').toContain(quick);
    // A quick answer (milliseconds on loopback) lands before the notice is due: nothing flashes.
    expect((await busyAt()).filter((at) => at < 100)).toEqual([]);

    await popup.evaluate(() => {
      const state = window as unknown as { e2eBusyAt: number[]; e2eMark: number };
      state.e2eBusyAt.length = 0;
      state.e2eMark = performance.now();
    });
    await popup.getByRole('textbox', { name: 'Chat ID' }).fill(SPECIAL.slow);
    await popup.getByRole('button', { name: 'Stop typing' }).click();
    await expect.poll(() => latest.getAttribute('aria-busy')).toBe('true');
    expect(await latest.textContent()).toContain('Sending');
    expect(Math.min(...(await busyAt()))).toBeGreaterThanOrEqual(100);
    await expect.poll(async () => (await latest.textContent()) ?? '', { timeout: 10_000 }).toContain(SPECIAL.slow);
    expect(await latest.getAttribute('aria-busy')).toBe('false');
    expect(await latest.textContent()).not.toContain('Sending');
  });
});
