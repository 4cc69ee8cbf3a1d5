/**
 * The panel's Codes view: every documented error code, searchable, each with its docs link, and the way
 * there from a history entry ("Look up NNNN in Codes"), in the panel and from the popup.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DOCUMENTED_CODES } from '../mock-linq/codes.ts';
import { linqErrorChat, okChat } from './harness/chat-ids.ts';
import { configure } from './harness/configure.ts';
import { fire, historyItems, statusLabelOf } from './harness/history.ts';
import { currentHash } from './harness/history-search.ts';
import { openDetails } from './harness/outcome.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView, viewUrl, waitForViewReady } from './harness/views.ts';

const VIEWPORT = { width: 1280, height: 720 };
let panel: Page;

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', { errors: session.errors, viewport: VIEWPORT });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    // A little history around the 2001 entry the lookups start from.
    for (const chatId of [okChat(), linqErrorChat(2001), linqErrorChat(3006), okChat()]) {
      const item = await fire(panel, chatId);
      if (chatId === linqErrorChat(2001)) expect(await statusLabelOf(item)).toBe('404 Linq error');
    }
  },
});

const docUrl = (code: number) => `https://docs.linqapp.com/error/codes/${Math.floor(code / 1000)}xxx/${code}/`;

function tab(page: Page, name: 'Requests' | 'Codes'): Locator {
  return page.getByRole('tablist', { name: 'Panel views' }).getByRole('tab', { name, exact: true });
}

function caption(page: Page): Locator {
  return page.locator('.codes-table caption');
}

interface ShownCode {
  id: string;
  code: string;
  http: string;
  text: string;
  link: string;
  href: string | null;
  target: string | null;
  current: string | null;
}

function shownCodes(page: Page): Promise<ShownCode[]> {
  return page.locator('.codes-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const link = row.querySelector('a');
      return {
        id: row.id,
        code: row.querySelector('th[scope="row"]')?.textContent?.trim() ?? '',
        http: row.querySelectorAll('td')[0]?.textContent?.trim() ?? '',
        text: row.textContent ?? '',
        link: link?.textContent?.trim() ?? '',
        href: link?.getAttribute('href') ?? null,
        target: link?.getAttribute('target') ?? null,
        current: row.getAttribute('aria-current'),
      };
    }),
  );
}

/** The row is the only current one and lies wholly inside the scrolled Codes view. */
/** "Look up NNNN in Codes" on a history entry: in the panel it is in the entry's details, opened from its row. */
async function lookUpFromRow(page: Page, code: number): Promise<void> {
  const chatId = linqErrorChat(code);
  const details = await openDetails(page, historyItems(page).filter({ hasText: chatId }).first(), chatId);
  await details.getByRole('button', { name: `Look up ${code} in Codes` }).click();
}

async function expectLookedUp(page: Page, code: number): Promise<void> {
  const row = page.locator(`#code-${code}`);
  await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
  expect(await page.locator('.codes-table tbody tr[aria-current="true"]').count()).toBe(1);
  expect(await row.getByRole('rowheader').textContent()).toBe(String(code));
  await expect
    .poll(() =>
      row.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const view = element.closest('.codes-layout')!.getBoundingClientRect();
        return box.height > 0 && box.top >= view.top && box.bottom <= Math.min(view.bottom, window.innerHeight);
      }),
    )
    .toBe(true);
  expect(await tab(page, 'Codes').getAttribute('aria-selected')).toBe('true');
  expect(await page.getByRole('searchbox', { name: 'Search codes' }).inputValue()).toBe('');
}

describe('Codes view', () => {
  test('lists all 48 documented codes with HTTP status and a docs link each', async () => {
    await tab(panel, 'Codes').click();
    await caption(panel).waitFor();
    expect(await tab(panel, 'Codes').getAttribute('aria-selected')).toBe('true');
    expect(await tab(panel, 'Requests').getAttribute('aria-selected')).toBe('false');
    expect(await currentHash(panel)).toBe('#view=codes');
    expect(await caption(panel).textContent()).toBe('48 of 48 documented codes');

    const headers = await panel.locator('.codes-table thead th').allTextContents();
    expect(headers).toEqual(['Code', 'HTTP', 'Meaning', 'Retry', 'What to do', 'Docs']);

    const shown = await shownCodes(panel);
    // The catalogue the mock serves from (the reference file), not the extension's own copy.
    const reference = [...DOCUMENTED_CODES.values()].toSorted((a, b) => a.code - b.code);
    expect(reference).toHaveLength(48);
    expect(shown.map((row) => Number(row.code))).toEqual(reference.map((entry) => entry.code));
    for (const [index, row] of shown.entries()) {
      const entry = reference[index]!;
      expect(row.id).toBe(`code-${entry.code}`);
      expect(row.http).toBe(String(entry.http));
      expect(row.text).toContain(entry.message);
      expect(row.link).toBe(`Documentation for ${entry.code}`);
      expect(row.href).toBe(docUrl(entry.code));
      expect(row.href).toBe(entry.doc_url);
      expect(row.target).toBe('_blank');
      expect(row.current).toBeNull();
    }
    // By its accessible name too.
    expect(await panel.getByRole('link', { name: 'Documentation for 4005' }).getAttribute('href')).toBe(docUrl(4005));
  });

  test('searching narrows the table: "rate" finds 1007, "429" too, nonsense finds nothing', async () => {
    const search = panel.getByRole('searchbox', { name: 'Search codes' });

    await search.fill('rate');
    await expect.poll(() => caption(panel).textContent()).toMatch(/^\d+ of 48 documented codes$/);
    let shown = await shownCodes(panel);
    expect(shown.map((row) => row.code)).toContain('1007');
    expect(shown.length).toBeLessThan(48);
    expect(await caption(panel).textContent()).toBe(`${shown.length} of 48 documented codes`);
    for (const row of shown) expect(row.text.toLowerCase()).toContain('rate');
    expect(
      await panel.locator('#code-1007').getByRole('link', { name: 'Documentation for 1007' }).getAttribute('href'),
    ).toBe(docUrl(1007));

    await search.fill('429');
    await expect.poll(async () => (await shownCodes(panel)).map((row) => row.code)).toContain('1007');
    shown = await shownCodes(panel);
    expect(shown.every((row) => row.text.includes('429'))).toBe(true);

    await search.fill('no such words here');
    await expect.poll(() => caption(panel).textContent()).toBe('0 of 48 documented codes');
    await search.fill('');
    await expect.poll(() => caption(panel).textContent()).toBe('48 of 48 documented codes');
  });

  test('"Look up 2001 in Codes" on a history entry switches to Codes with row 2001 current and in view', async () => {
    await tab(panel, 'Requests').click();
    expect(await currentHash(panel)).toBe('');
    await lookUpFromRow(panel, 2001);

    await expectLookedUp(panel, 2001);
    expect(await currentHash(panel)).toBe('#view=codes&code=2001');
    expect(await caption(panel).textContent()).toBe('48 of 48 documented codes');

    // Another code from the same history moves the highlight.
    await tab(panel, 'Requests').click();
    await lookUpFromRow(panel, 3006);
    await expectLookedUp(panel, 3006);
    expect(await panel.locator('#code-2001').getAttribute('aria-current')).toBeNull();

    // And back to 2001: the highlight follows each look-up.
    await tab(panel, 'Requests').click();
    await lookUpFromRow(panel, 2001);
    await expectLookedUp(panel, 2001);
  });

  test('from the popup, "Look up 2001 in Codes" opens the panel page at #view=codes&code=2001', async () => {
    const popup = await session.extension.context.newPage();
    session.errors.watch(popup);
    await popup.goto(viewUrl(session.extension.extensionId, 'popup'));
    await waitForViewReady(popup);
    const item = historyItems(popup)
      .filter({ hasText: linqErrorChat(2001) })
      .first();
    const [opened] = await Promise.all([
      session.extension.context.waitForEvent('page'),
      item.getByRole('button', { name: 'Look up 2001 in Codes' }).click(),
    ]);
    session.errors.watch(opened);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${viewUrl(session.extension.extensionId, 'panel')}#view=codes&code=2001`);
    await opened.setViewportSize(VIEWPORT);
    await expectLookedUp(opened, 2001);
    await opened.close();
    await popup.close();
  });

  test('a code outside the catalogue says so instead of highlighting a row', async () => {
    await panel.goto(`${viewUrl(session.extension.extensionId, 'panel')}#view=codes&code=2999`);
    await expect.poll(() => caption(panel).textContent()).toBe('48 of 48 documented codes');
    expect(await panel.getByText('2999 is not in the documented catalogue').isVisible()).toBe(true);
    expect(await panel.locator('.codes-table tbody tr[aria-current="true"]').count()).toBe(0);
  });
});
