import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { waitUntil } from './wait.ts';

/**
 * The panel's History region: search, filters, the count text and the VIRTUALISED list (only the rows in
 * view are rendered), so what it lists is read by scrolling through it, never by counting <li>.
 */

export function historyRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'History' });
}

export function searchBox(page: Page): Locator {
  return historyRegion(page).getByRole('searchbox', { name: 'Search history' });
}

export type KindLabel = 'Success' | 'Linq error' | 'HTTP failure' | 'Network failure' | 'Timeout' | 'Interrupted';
export type FamilyLabel = '1xxx request' | '2xxx resource' | '3xxx server' | '4xxx delivery' | '5xxx attachment';
export const KIND_LABELS: readonly KindLabel[] = [
  'Success',
  'Linq error',
  'HTTP failure',
  'Network failure',
  'Timeout',
  'Interrupted',
];
export const FAMILY_LABELS: readonly FamilyLabel[] = [
  '1xxx request',
  '2xxx resource',
  '3xxx server',
  '4xxx delivery',
  '5xxx attachment',
];

// Found also while their filter menu is closed (hidden), so their state can be read without opening it.
export function kindBox(page: Page, kind: KindLabel): Locator {
  return historyRegion(page)
    .getByRole('group', { name: 'Outcome', includeHidden: true })
    .getByRole('checkbox', { name: kind, exact: true, includeHidden: true });
}

export function familyBox(page: Page, family: FamilyLabel): Locator {
  return historyRegion(page)
    .getByRole('group', { name: 'Code family', includeHidden: true })
    .getByRole('checkbox', { name: family, exact: true, includeHidden: true });
}

export function timeInput(page: Page, bound: 'From' | 'To'): Locator {
  return historyRegion(page)
    .getByRole('group', { name: 'Time range', includeHidden: true })
    .getByLabel(bound, { exact: true });
}

/**
 * The panel keeps Outcome, Code family and Time range in compact menus (popovers) on its filter bar: a box
 * or field inside one is set with its menu opened, and the menu is closed again so it covers nothing.
 */
async function inMenu(control: Locator, act: () => Promise<void>): Promise<void> {
  const menuId = await control.evaluate((element) => element.closest('[popover]')?.id ?? '', undefined, {
    timeout: 2_000,
  });
  const page = control.page();
  await page.bringToFront();
  if (menuId !== '' && !(await control.isVisible())) await page.locator(`[popovertarget="${menuId}"]`).click();
  await act();
  if (menuId !== '')
    await page.locator(`[id="${menuId}"]`).evaluate((menu) => {
      if (menu.matches(':popover-open')) (menu as HTMLElement).hidePopover();
    });
}

/** Ticks or unticks an Outcome or Code family box (kindBox, familyBox). */
export function setFilterBox(box: Locator, on: boolean): Promise<void> {
  return inMenu(box, () => box.setChecked(on));
}

/** Fills From or To of the Time range (timeInput). */
export function fillTime(input: Locator, value: string): Promise<void> {
  return inMenu(input, () => input.fill(value));
}

/** "N entries" or "M of N entries". */
export async function countText(page: Page): Promise<string> {
  return ((await page.locator('.history.browser .count').textContent({ timeout: 2_000 })) ?? '').trim();
}

export function expectedCountText(shown: number, total: number): string {
  const entries = `${total} ${total === 1 ? 'entry' : 'entries'}`;
  return shown === total ? entries : `${shown} of ${entries}`;
}

export interface ListedRow {
  /** aria-posinset, 1-based. */
  position: number;
  setSize: number;
  chatId: string;
  status: string;
}

/**
 * Scrolls the virtual list from top to bottom and returns every row it renders, in list order (newest
 * first). Waits for "Loading…" placeholders to fill in. Scrolls back to the top afterwards.
 */
export async function listedRows(page: Page): Promise<ListedRow[]> {
  // A background tab's frames are throttled, and scroll events are dispatched per frame.
  await page.bringToFront();
  return page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.history.browser .virtual-scroll');
    if (!scroller) return [];
    // These run in the page (the callback is serialised), so they cannot live outside it.
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const rowHeight = () => document.querySelector<HTMLElement>('.history.browser li.virtual-row')?.offsetHeight ?? 104;
    const rendered = () => [...scroller.querySelectorAll<HTMLElement>('li.virtual-row')];
    const settle = async () => {
      // The list re-renders on the scroll event, a frame later: wait until every row in the viewport is
      // rendered (and loaded), not just rows left over from the previous position.
      for (let tries = 0; tries < 300; tries += 1) {
        const items = rendered();
        const size = Number(items[0]?.getAttribute('aria-setsize') ?? 0);
        const positions = new Set(items.map((li) => Number(li.getAttribute('aria-posinset'))));
        const first = Math.floor(scroller.scrollTop / rowHeight()) + 1;
        const last = Math.min(size, Math.ceil((scroller.scrollTop + scroller.clientHeight) / rowHeight()));
        let complete = size > 0;
        for (let position = first; position <= last; position += 1) complete &&= positions.has(position);
        if (complete && !scroller.querySelector('.placeholder')) return;
        await sleep(10);
      }
    };
    const seen = new Map<number, { position: number; setSize: number; chatId: string; status: string }>();
    scroller.scrollTop = 0;
    await settle();
    for (;;) {
      for (const li of rendered()) {
        const position = Number(li.getAttribute('aria-posinset'));
        seen.set(position, {
          position,
          setSize: Number(li.getAttribute('aria-setsize')),
          chatId: li.querySelector('.chat-id')?.textContent ?? '(not loaded)',
          status: li.querySelector('.status')?.textContent ?? '(not loaded)',
        });
      }
      const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      if (atBottom) break;
      scroller.scrollTop = scroller.scrollTop + Math.max(rowHeight(), scroller.clientHeight - rowHeight());
      await settle();
    }
    scroller.scrollTop = 0;
    await settle();
    return [...seen.values()].toSorted((a, b) => a.position - b.position);
  });
}

/** The chat IDs the list shows, newest first. */
export async function listedChatIds(page: Page): Promise<string[]> {
  return (await listedRows(page)).map((row) => row.chatId);
}

/**
 * Waits until the count text says `expected.length` of `total`, then checks that the list shows exactly
 * these chat IDs (newest first), with aria-setsize/posinset agreeing with the count.
 */
export async function expectListed(page: Page, expected: readonly string[], total: number): Promise<void> {
  const want = expectedCountText(expected.length, total);
  let last = '';
  await waitUntil(
    async () => {
      last = await countText(page);
      return last === want;
    },
    { timeout: 5_000, message: `count text never became "${want}"`, describe: () => `last: "${last}"` },
  );
  if (expected.length === 0) {
    expect(await historyRegion(page).getByText('No entries match the search and filters.').isVisible()).toBe(true);
    expect(await page.locator('.history.browser li.virtual-row').count()).toBe(0);
    return;
  }
  const rows = await listedRows(page);
  expect(rows.map((row) => row.chatId)).toEqual(expected);
  expect(rows.map((row) => row.position)).toEqual(expected.map((_, index) => index + 1));
  for (const row of rows) expect(row.setSize).toBe(expected.length);
}

/** The filter part of the panel URL, e.g. "#q=2001&kind=linq_error&family=2". */
export function currentHash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}

/** Empties the search box, unticks every Outcome and Code family box, and clears From and To. */
export async function clearFilters(page: Page): Promise<void> {
  await page.bringToFront();
  await searchBox(page).fill('');
  for (const kind of KIND_LABELS)
    if (await kindBox(page, kind).isChecked()) await setFilterBox(kindBox(page, kind), false);
  for (const family of FAMILY_LABELS)
    if (await familyBox(page, family).isChecked()) await setFilterBox(familyBox(page, family), false);
  for (const bound of ['From', 'To'] as const) {
    const input = timeInput(page, bound);
    if ((await input.inputValue()) !== '') await fillTime(input, '');
  }
}

/** Opens the folded "Export and import" section of the panel's History. */
export async function openTransfer(page: Page): Promise<Locator> {
  const section = historyRegion(page).locator('details.transfer');
  if (!(await section.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await section.getByText('Export and import', { exact: true }).click();
  }
  return section;
}
