/**
 * The panel as DevTools docks it (issue 14, items 1 and 2): at 1280×360 (docked at the bottom), 420×900 (at
 * the side) and 1280×800, measured by bounding boxes against the viewport, with real entries from the mock;
 * the keyboard map of the request table; and axe with no violation in light and dark at each size.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SPECIAL, linqErrorChat, okChat } from './harness/chat-ids.ts';
import { runAxe } from './harness/axe.ts';
import { closeSettingsDrawer, configure } from './harness/configure.ts';
import { expectNewEntry, fire, historyItems } from './harness/history.ts';
import { searchBox } from './harness/history-search.ts';
import { isFocused } from './harness/keyboard.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';

const SIZES = [
  { name: 'docked at the bottom', width: 1280, height: 360, minRows: 6, details: false },
  { name: 'docked at the side', width: 420, height: 900, minRows: 10, details: false },
  { name: 'full size, details open', width: 1280, height: 800, minRows: 15, details: true },
] as const;
/** More entries than the tallest table shows, of every colour. */
const ENTRY_COUNT = 32;

let panel: Page;

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', {
      errors: session.errors,
      viewport: { width: 1280, height: 800 },
    });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    await closeSettingsDrawer(panel);
    const kinds = [() => okChat(), () => linqErrorChat(2001), () => SPECIAL.html502, () => linqErrorChat(1002)];
    for (let index = 0; index < ENTRY_COUNT; index += 1) await fire(panel, kinds[index % kinds.length]!());
  },
});

interface Layout {
  /** Table rows wholly inside the viewport and inside the table's own scroller, below its header. */
  rows: number;
  rowHeight: number;
  stopTypingVisible: boolean;
  detailsVisible: boolean;
  /** The page itself scrolls (it should not: each pane scrolls on its own). */
  pageScrolls: boolean;
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    // In the page (the callback is serialised), so it cannot live outside it.
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const within = (rect: DOMRect, top: number, bottom: number) =>
      rect.width > 0 &&
      rect.height > 0 &&
      rect.top >= top - 0.5 &&
      rect.bottom <= bottom + 0.5 &&
      rect.left >= -0.5 &&
      rect.right <= innerWidth + 0.5;
    const scroller = document.querySelector<HTMLElement>('.history.browser .virtual-scroll');
    const box = scroller?.getBoundingClientRect();
    const head = scroller?.querySelector('.table-head')?.getBoundingClientRect();
    const top = Math.max(0, box?.top ?? 0, head?.bottom ?? 0);
    const bottom = Math.min(innerHeight, box?.bottom ?? innerHeight);
    const rows = [...document.querySelectorAll<HTMLElement>('.history.browser li.virtual-row')];
    const stop = [...document.querySelectorAll('button')].find((button) =>
      button.textContent?.trim().startsWith('Stop typing'),
    );
    const details = document.querySelector('[aria-label="Entry details"]');
    const detailsRect = details?.getBoundingClientRect();
    return {
      rows: rows.filter((row) => within(row.getBoundingClientRect(), top, bottom)).length,
      rowHeight: rows[0]?.getBoundingClientRect().height ?? 0,
      stopTypingVisible: stop !== undefined && within(stop.getBoundingClientRect(), 0, innerHeight),
      detailsVisible:
        detailsRect !== undefined && detailsRect.width > 0 && detailsRect.top < innerHeight && detailsRect.bottom > 0,
      pageScrolls: document.documentElement.scrollHeight > innerHeight + 1 || scrollY > 0,
    };
  });
}

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const report = await runAxe(page, label);
  expect(report.violations, `axe found:\n${report.violations.join('\n')}`).toEqual([]);
  expect(report.passes).toEqual(expect.arrayContaining(['color-contrast', 'aria-valid-attr-value', 'label']));
}

const table = (page: Page) => page.getByRole('listbox', { name: 'History entries' });
const details = (page: Page) => page.getByRole('region', { name: 'Entry details' });
const selectedOption = (page: Page) => table(page).locator('[role="option"][aria-selected="true"]');

async function openFirstRow(page: Page): Promise<void> {
  await historyItems(page).first().click();
  await details(page).waitFor({ state: 'visible' });
}

describe('Layout at the sizes DevTools docks at', () => {
  test.each(SIZES)('$width×$height ($name): at least $minRows rows, no page scroll', async (size) => {
    await panel.bringToFront();
    await panel.setViewportSize({ width: size.width, height: size.height });
    if (size.details) await openFirstRow(panel);
    await expect.poll(async () => (await measure(panel)).rows, { timeout: 5_000 }).toBeGreaterThanOrEqual(size.minRows);
    const layout = await measure(panel);
    console.log(
      `panel-layout ${size.width}×${size.height}: ${layout.rows} rows fully visible, ${JSON.stringify(layout)}`,
    );
    expect(layout.rowHeight).toBeLessThanOrEqual(28);
    expect(layout.stopTypingVisible).toBe(true);
    expect(layout.pageScrolls).toBe(false);
    if (size.details) expect(layout.detailsVisible).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await expectNoAxeViolations(panel, `panel ${size.width}×${size.height} (${scheme})`);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
  });
});

describe('Keyboard map', () => {
  test('↑/↓ move the selection (announced through aria-activedescendant), Enter opens details', async () => {
    await panel.setViewportSize({ width: 1280, height: 800 });
    await openFirstRow(panel);
    await panel.keyboard.press('Escape');
    await details(panel).waitFor({ state: 'detached' });
    await table(panel).focus();
    const first = await selectedOption(panel).getAttribute('aria-posinset');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowUp');
    await expect.poll(() => selectedOption(panel).getAttribute('aria-posinset')).toBe(String(Number(first) + 1));
    const selectedId = await selectedOption(panel).getAttribute('id');
    expect(await table(panel).getAttribute('aria-activedescendant')).toBe(selectedId);
    const chatId = (await selectedOption(panel).locator('.chat-id').textContent()) ?? '';
    expect(
      await panel
        .getByRole('option', { name: new RegExp(chatId) })
        .first()
        .getAttribute('id'),
    ).toBeTruthy();
    expect(await details(panel).count()).toBe(0);
    await panel.keyboard.press('Enter');
    await details(panel).getByRole('heading', { level: 2 }).filter({ hasText: chatId }).waitFor();
    // With the details open, the selection moving takes the details along.
    await panel.keyboard.press('ArrowDown');
    const next = (await selectedOption(panel).locator('.chat-id').textContent()) ?? '';
    await expect.poll(() => details(panel).getByRole('heading', { level: 2 }).textContent()).toContain(next);
  });

  test('"/" and Ctrl+F focus search; Esc closes details first, then clears the search', async () => {
    await table(panel).focus();
    await panel.keyboard.press('/');
    expect(await isFocused(searchBox(panel))).toBe(true);
    expect(await searchBox(panel).inputValue()).toBe('');
    await table(panel).focus();
    await panel.keyboard.press('Control+f');
    expect(await isFocused(searchBox(panel))).toBe(true);

    await searchBox(panel).fill('-');
    await openFirstRow(panel);
    await searchBox(panel).focus();
    await panel.keyboard.press('Escape');
    await details(panel).waitFor({ state: 'detached' });
    expect(await searchBox(panel).inputValue()).toBe('-');
    await panel.keyboard.press('Escape');
    await expect.poll(() => searchBox(panel).inputValue()).toBe('');
  });

  test('a row is announced with its column names in order (the visible header row is hidden from readers)', async () => {
    const chatId = (await selectedOption(panel).locator('.chat-id').textContent()) ?? '';
    const name = new RegExp(
      `^Time \\d\\d:\\d\\d:\\d\\d Operation (DELETE Stop|POST Start) typing Chat ID ${chatId} Status .+ ` +
        'Code and meaning .+ Duration \\d+ ms Trace ID',
    );
    expect(await selectedOption(panel).and(table(panel).getByRole('option', { name })).count()).toBe(1);
    expect(await panel.locator('.table-head').getAttribute('aria-hidden')).toBe('true');
  });

  test('Esc closes the settings drawer first (focus back on Settings), then the details', async () => {
    await openFirstRow(panel);
    const settings = panel.getByRole('button', { name: 'Settings', exact: true });
    await settings.click();
    const keyField = panel.getByRole('textbox', { name: 'API key' });
    await keyField.focus();
    await panel.keyboard.press('Escape');
    await keyField.waitFor({ state: 'hidden' });
    expect(await settings.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(settings)).toBe(true);
    expect(await details(panel).isVisible()).toBe(true);
    await panel.keyboard.press('Escape');
    await details(panel).waitFor({ state: 'detached' });
  });

  test('Ctrl+Enter fires from the table; the answer becomes the selected row with its details open', async () => {
    const chatId = okChat();
    await panel.getByRole('textbox', { name: 'Chat ID' }).fill(chatId);
    await table(panel).focus();
    await expectNewEntry(panel, chatId, () => panel.keyboard.press('Control+Enter'));
    await expect.poll(() => selectedOption(panel).locator('.chat-id').textContent()).toBe(chatId);
    await details(panel).getByRole('heading', { level: 2 }).filter({ hasText: chatId }).waitFor();
  });
});
