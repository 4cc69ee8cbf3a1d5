import type { BrowserContext, Page } from 'playwright-core';
import { NAME_SHIM } from './session.ts';

export type OpenKind = 'popup' | 'panel' | 'empty' | 'module';

export interface OpenTiming {
  /** performance.now() (ms since navigation start) of the first frame that is interactive. */
  interactive: number;
  /** JS heap used after the view has loaded everything, after a GC, in MB (only when asked). */
  heapMB?: number;
}

/** How the init script reports the moment: a console message, which needs nothing run in the page. */
const INTERACTIVE_MESSAGE = 'linq-bench-interactive';

interface Watch {
  message: string;
  kind: OpenKind;
  /** Whether the history has entries: then rows must be painted; otherwise the "No requests yet." note. */
  rows: boolean;
}

/**
 * Installed before the document's own scripts (an init script): checks once per animation frame from the
 * very first frame, so a view that is fast is not measured late, and reports through the console.
 * Interactive: the "API key" textbox exists and the first history rows are painted.
 */
function watchInteractive({ message, kind, rows }: Watch): void {
  const ready = (): boolean => {
    if (kind === 'empty' || kind === 'module') return document.readyState === 'complete';
    if (!document.getElementById(`${kind}-api-key`)) return false;
    if (!rows) {
      const note = document.querySelector('.history .empty');
      // The panel shows "Loading…" in the same element until its index arrives.
      return note !== null && (note.textContent ?? '').includes('No requests yet');
    }
    return (
      document.querySelector(
        kind === 'popup' ? '.history-list li .history-item' : '.virtual-row .history-item:not(.placeholder)',
      ) !== null
    );
  };
  const tick = () => {
    if (ready()) console.debug(message, performance.now());
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Waits until the view has loaded the whole history (its count shows it), so the heap holds all of it. */
async function waitFullyLoaded(page: Page, kind: OpenKind, total: number): Promise<void> {
  if (kind === 'empty' || kind === 'module') return;
  await page.waitForFunction(
    (expected) => {
      const text = document.querySelector('.history .count')?.textContent ?? '';
      return expected.kind === 'panel'
        ? text === `${expected.total} ${expected.total === 1 ? 'entry' : 'entries'}`
        : text === String(expected.total) || text.endsWith(` of ${expected.total}`);
    },
    { kind, total },
    { polling: 100, timeout: 60_000 },
  );
}

async function heapUsedMB(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Opens `url` in a fresh tab and times it to interactive; optionally reads the heap once loaded. */
export async function openOnce(
  context: BrowserContext,
  url: string,
  kind: OpenKind,
  total: number,
  options: { heap?: boolean } = {},
): Promise<OpenTiming> {
  const page = await context.newPage();
  try {
    await page.bringToFront();
    const watch: Watch = { message: INTERACTIVE_MESSAGE, kind, rows: total > 0 };
    await page.addInitScript({ content: `${NAME_SHIM}\n(${watchInteractive.toString()})(${JSON.stringify(watch)});` });
    // Waiting by polling (waitForFunction) would inject Playwright's script into the page while it loads,
    // and that work on the page's main thread would be timed as the page's own.
    const reported = page.waitForEvent('console', {
      predicate: (entry) => entry.text().startsWith(INTERACTIVE_MESSAGE),
      timeout: 60_000,
    });
    // If navigation fails, that error is the one to report; this wait then ends with the closed page.
    reported.catch(() => undefined);
    await page.goto(url, { waitUntil: 'commit' });
    const interactive = Number((await reported).text().slice(INTERACTIVE_MESSAGE.length + 1));
    if (!Number.isFinite(interactive)) throw new Error(`bench: ${kind} reported no interactive time`);
    if (!options.heap) return { interactive };
    await waitFullyLoaded(page, kind, total);
    return { interactive, heapMB: await heapUsedMB(context, page) };
  } finally {
    await page.close();
  }
}
