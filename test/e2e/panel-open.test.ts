/**
 * The panel opens in constant time (issue 14, item 4): with many entries, a fresh panel paints its first rows
 * before its search index is loaded (the count says "Loading search…" at that moment), and then counts them all.
 * The entries go in as an operator's would: a history file imported through the panel, stored by the worker.
 * The popup is never opened here: the panel keeps its own first-paint copy, and paints rows in its first frame.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { EMPTY_FILTER, matcherFor } from '../../src/core/history-filter.ts';
import { indexRowOf } from '../../src/core/history-index.ts';
import type { HistoryEntry } from '../../src/core/history.ts';
import { exportHistoryJson } from '../../src/core/share/export-json.ts';
import { settledEntries } from '../bench/bench-entries.ts';
import { configure } from './harness/configure.ts';
import { openTransfer } from './harness/history-search.ts';
import { useExtensionSession } from './harness/session.ts';
import { pickFile } from './harness/transfer.ts';
import { openView, viewUrl } from './harness/views.ts';
import { FIRST_PAINT_KEY } from '../../src/platform/first-paint-store.ts';

const ENTRIES = 20_000;
const QUERY = '429';
let panel: Page;
let imported: HistoryEntry[] = [];

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', { errors: session.errors });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    // What Settings › "History limit (entries)" stores when raised, so every imported entry is kept.
    await panel.evaluate(async (cap) => {
      const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
      await chrome.storage.local.set({ settings: { ...stored, historyCap: cap } });
    }, 100_000);
    imported = settledEntries(session.baseUrl, ENTRIES, Date.now() - 60_000);
    const text = exportHistoryJson(imported, '1.0.0', Date.now());
    await pickFile((await openTransfer(panel)).getByLabel('Import JSON'), 'many.json', text);
    await panel.waitForFunction(
      (expected) => document.querySelector('.history .count')?.textContent === expected,
      `${ENTRIES} entries`,
      { polling: 100, timeout: 60_000 },
    );
  },
});

interface FirstRows {
  /** The count's text in the first frame with a painted row. */
  count: string;
  rows: number;
}

/** From the page's first frame: what the count said when the first history row was painted. */
function recordFirstRows(): void {
  const state = globalThis as unknown as { linqFirstRows?: FirstRows };
  const tick = () => {
    const rows = document.querySelectorAll('.virtual-row .history-item:not(.placeholder)').length;
    if (rows === 0) return requestAnimationFrame(tick);
    state.linqFirstRows = { count: document.querySelector('.history .count')?.textContent ?? '', rows };
  };
  requestAnimationFrame(tick);
}

/**
 * What the page's first render and very first animation frame show. The first render is read when it lands in
 * #app (a mutation observer runs right after the module that rendered it), so no storage answer can come first.
 */
function recordFirstFrame(): void {
  const observer = new MutationObserver(() => {
    const app = document.getElementById('app');
    if (!app?.firstElementChild) return;
    observer.disconnect();
    (globalThis as unknown as { linqFirstRender?: FirstRender }).linqFirstRender = {
      form: document.getElementById('panel-api-key') !== null,
      waiting: app.firstElementChild.matches('p.loading'),
    };
  });
  observer.observe(document, { childList: true, subtree: true });
  requestAnimationFrame(() => {
    (globalThis as unknown as { linqFirstFrame?: FirstRows & { form: boolean } }).linqFirstFrame = {
      form: document.getElementById('panel-api-key') !== null,
      rows: document.querySelectorAll('.virtual-row .history-item:not(.placeholder)').length,
      count: document.querySelector('.history .count')?.textContent ?? '',
    };
  });
}

interface FirstRender {
  form: boolean;
  /** The "Loading…" note the panel shows while it waits for the stored settings and key. */
  waiting: boolean;
}

/** Opens a fresh panel with `recorder` installed before its scripts, and waits for what it records in `global`. */
async function openPanelRecording<T>(recorder: () => void, global: string): Promise<{ page: Page; recorded: T }> {
  const page = await session.extension.context.newPage();
  session.errors.watch(page);
  await page.addInitScript({ content: `(${recorder.toString()})();` });
  await page.goto(viewUrl(session.extension.extensionId, 'panel'));
  const recorded = await page
    .waitForFunction((name) => (globalThis as unknown as Record<string, unknown>)[name], global, {
      polling: 50,
      timeout: 30_000,
    })
    .then((handle) => handle.jsonValue() as Promise<T>);
  return { page, recorded };
}

async function openPanelWatchingFirstFrame(): Promise<{
  page: Page;
  first: FirstRows & { form: boolean };
  render: FirstRender;
}> {
  const { page, recorded } = await openPanelRecording<FirstRows & { form: boolean }>(
    recordFirstFrame,
    'linqFirstFrame',
  );
  const render = await page.evaluate(() => (globalThis as unknown as { linqFirstRender: FirstRender }).linqFirstRender);
  return { page, first: recorded, render };
}

describe('Panel opening', () => {
  test('with no copy from anyone, a panel waits for storage, keeps one, and the next panel paints rows in its first frame', async () => {
    // The import's panel keeps its copy once it has counted every entry; removed after that, nothing restores it.
    await expect
      .poll(() => panel.evaluate((key) => localStorage.getItem(key), FIRST_PAINT_KEY), { timeout: 10_000 })
      .toContain(`"total":${ENTRIES}`);
    await panel.evaluate((key) => localStorage.removeItem(key), FIRST_PAINT_KEY);
    const alone = await openPanelWatchingFirstFrame();
    // Its first render waits for storage (whose answer may still come before the first frame).
    expect(alone.render).toEqual({ form: false, waiting: true });
    // It keeps the copy once it shows the stored values and its newest rows.
    await expect
      .poll(() => alone.page.evaluate((key) => localStorage.getItem(key), FIRST_PAINT_KEY), { timeout: 10_000 })
      .toContain(`"total":${ENTRIES}`);
    await alone.page.close();
    const next = await openPanelWatchingFirstFrame();
    try {
      expect(next.render).toEqual({ form: true, waiting: false });
      expect(next.first.form).toBe(true);
      expect(next.first.rows).toBeGreaterThan(0);
      expect(next.first.count).toBe(`Loading search… 0 of ${ENTRIES.toLocaleString('en-US')}`);
    } finally {
      await next.page.close();
    }
  });

  test(`with ${ENTRIES} entries, rows paint before the search index is in, then all are counted`, async () => {
    const { page: fresh, recorded: first } = await openPanelRecording<FirstRows>(recordFirstRows, 'linqFirstRows');
    try {
      expect(first.rows).toBeGreaterThan(0);
      expect(first.count).toMatch(/^Loading search…/);
      await fresh.waitForFunction(
        (expected) => document.querySelector('.history .count')?.textContent === expected,
        `${ENTRIES} entries`,
        { polling: 100, timeout: 30_000 },
      );
      // Once the index is in, search counts what a search over every entry's row finds.
      const matches = imported.map(indexRowOf).filter(matcherFor({ ...EMPTY_FILTER, text: QUERY })).length;
      expect(matches).toBeGreaterThan(0);
      expect(matches).toBeLessThan(ENTRIES);
      await fresh.getByRole('searchbox', { name: 'Search history' }).fill(QUERY);
      await expect
        .poll(() => fresh.locator('.history .count').textContent(), { timeout: 10_000 })
        .toBe(`${matches} of ${ENTRIES} entries`);
    } finally {
      await fresh.close();
    }
  });
});
