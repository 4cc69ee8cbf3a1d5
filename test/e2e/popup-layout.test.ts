/**
 * The popup at its real size (issue 14, item 3): Chrome sizes a popup to its body's width and at most 600 px
 * tall. With real entries from the mock, the main flow (environment, key, Chat ID, Stop/Start, the latest
 * result) is fully visible without scrolling, measured by bounding boxes; history rows are single lines; axe
 * finds nothing in light and dark.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SPECIAL, linqErrorChat, okChat } from './harness/chat-ids.ts';
import { runAxe } from './harness/axe.ts';
import { configure, setRequestTimeout } from './harness/configure.ts';
import { fire, historyItems } from './harness/history.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';

/** Chrome's largest popup height; the width is the body's own (read from the page). */
const POPUP_HEIGHT = 600;
/** A success, an HTML 502, a timeout, a 429 and, last (the latest result), a 404/2001 with its full decoding. */
const CHATS = [okChat(), SPECIAL.html502, SPECIAL.hang, linqErrorChat(1007), okChat(), linqErrorChat(2001)];

let popup: Page;

const session = useExtensionSession({
  async setUp() {
    popup = await openView(session.extension, 'popup', { errors: session.errors });
    await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey, timeoutSeconds: 1 });
    await setRequestTimeout(popup, 1);
    for (const chatId of CHATS) await fire(popup, chatId);
    await setRequestTimeout(popup, 15);
    // Fold Settings again, as an operator leaves it.
    await popup.getByText('Settings', { exact: true }).click();
    const width = await popup.evaluate(() => document.body.getBoundingClientRect().width);
    await popup.setViewportSize({ width: Math.ceil(width), height: POPUP_HEIGHT });
    await popup.evaluate(() => scrollTo(0, 0));
  },
});

/** How far an element's box lies outside the viewport (0: wholly inside), or undefined when it has no box. */
async function overflowOf(page: Page, name: string, find: () => Locator): Promise<string> {
  const box = await find().boundingBox();
  if (!box || box.width === 0 || box.height === 0) return `${name}: no box`;
  const viewport = page.viewportSize()!;
  const outside =
    box.x < -0.5 ||
    box.y < -0.5 ||
    box.x + box.width > viewport.width + 0.5 ||
    box.y + box.height > viewport.height + 0.5;
  return outside ? `${name}: ${JSON.stringify(box)} outside ${viewport.width}×${viewport.height}` : `${name}: inside`;
}

describe('The popup at 600 px', () => {
  test('environment, key, Chat ID, Stop/Start and the latest result are fully visible without scrolling', async () => {
    const checks = {
      Environment: () => popup.getByRole('group', { name: 'Environment' }),
      'API key': () => popup.getByRole('textbox', { name: 'API key' }),
      'Chat ID': () => popup.getByRole('textbox', { name: 'Chat ID' }),
      'Stop typing': () => popup.getByRole('button', { name: 'Stop typing', exact: true }),
      'Start typing': () => popup.getByRole('button', { name: 'Start typing', exact: true }),
      'Latest result': () => popup.getByRole('region', { name: 'Latest result' }),
      Settings: () => popup.getByText('Settings', { exact: true }),
    };
    const latest = popup.getByRole('region', { name: 'Latest result' });
    expect(await latest.textContent()).toContain('Chat not found');
    const results = [];
    for (const [name, find] of Object.entries(checks)) results.push(await overflowOf(popup, name, find));
    const page = await popup.evaluate(() => ({ scrollY, height: document.documentElement.scrollHeight }));
    console.log(
      `popup-layout ${JSON.stringify(popup.viewportSize())}: ${results.join('; ')}; page ${JSON.stringify(page)}`,
    );
    expect(results.filter((result) => !result.endsWith(': inside'))).toEqual([]);
    expect(page.scrollY).toBe(0);
  });

  test('history rows are single lines (at most 28 px each)', async () => {
    const items = historyItems(popup);
    expect(await items.count()).toBe(5);
    const heights = await items.evaluateAll((elements) =>
      elements.map((element) => Math.round(element.getBoundingClientRect().height)),
    );
    console.log(`popup-layout history row heights: ${heights.join(', ')}`);
    for (const height of heights) expect(height).toBeLessThanOrEqual(28);
  });

  test('axe: no violations, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      const report = await runAxe(popup, `popup 600 px (${scheme})`);
      expect(report.violations, `axe found:\n${report.violations.join('\n')}`).toEqual([]);
      expect(report.passes).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'label']));
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  });
});
