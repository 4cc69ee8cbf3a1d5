import type { BrowserContext } from 'playwright-core';
import { NAME_SHIM } from './session.ts';

const READY_MESSAGE = 'linq-bench-search-ready';

export interface SearchReadyTiming {
  /** ms since navigation start until the first rows were painted. */
  firstRows: number;
  /** ms since navigation start until the count said "N entries" for the whole history: search is ready. */
  searchReady: number;
}

/** An init script, as open.ts installs: checks each frame, reports both moments through the console. */
function watchSearchReady({ message, total }: { message: string; total: number }): void {
  const expected = `${total} ${total === 1 ? 'entry' : 'entries'}`;
  let firstRows = 0;
  const tick = () => {
    const now = performance.now();
    if (firstRows === 0 && document.querySelector('.virtual-row .history-item:not(.placeholder)')) firstRows = now;
    if (firstRows > 0 && document.querySelector('.history .count')?.textContent === expected)
      console.debug(message, firstRows, now);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Opens the panel in a fresh tab and times it until search over all `total` entries is ready. */
export async function searchReadyOnce(context: BrowserContext, url: string, total: number): Promise<SearchReadyTiming> {
  const page = await context.newPage();
  try {
    await page.bringToFront();
    const watch = { message: READY_MESSAGE, total };
    await page.addInitScript({ content: `${NAME_SHIM}\n(${watchSearchReady.toString()})(${JSON.stringify(watch)});` });
    const reported = page.waitForEvent('console', {
      predicate: (entry) => entry.text().startsWith(READY_MESSAGE),
      timeout: 60_000,
    });
    reported.catch(() => undefined);
    await page.goto(url, { waitUntil: 'commit' });
    const [firstRows, searchReady] = (await reported)
      .text()
      .slice(READY_MESSAGE.length + 1)
      .split(' ')
      .map(Number);
    if (!Number.isFinite(firstRows) || !Number.isFinite(searchReady))
      throw new Error('bench: the panel reported no search-ready time');
    return { firstRows: firstRows!, searchReady: searchReady! };
  } finally {
    await page.close();
  }
}
