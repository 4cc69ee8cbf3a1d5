import type { BrowserContext, Page } from 'playwright-core';
import { stopServiceWorker } from '../e2e/harness/worker.ts';
import type { BenchHistory } from './store-entry.ts';

type WithBench = typeof globalThis & { linqBenchHistory: BenchHistory };

/** Runs the bundled store code in the page (CDP evaluation is not subject to the page's CSP). */
export async function injectStore(page: Page, bundle: string, baseUrl: string): Promise<void> {
  await page.evaluate(bundle);
  await page.evaluate((url) => (globalThis as WithBench).linqBenchHistory.setBaseUrl(url), baseUrl);
}

export function historyCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as WithBench).linqBenchHistory.count());
}

/** Adds seeded entries until the store holds `target`; returns how long the seeding took, in ms. */
export async function seedTo(page: Page, target: number): Promise<{ added: number; ms: number; mode: string }> {
  const added = target - (await historyCount(page));
  if (added <= 0) return { added: 0, ms: 0, mode: 'none' };
  const { ms, mode } = await page.evaluate((count) => (globalThis as WithBench).linqBenchHistory.seed(count), added);
  const check = await page.evaluate(() => (globalThis as WithBench).linqBenchHistory.verify());
  if (check.count !== target || check.rows !== target || check.readable !== check.sampled) {
    throw new Error(
      `bench: seeding to ${target} left ${JSON.stringify(check)} (the real store must count, index and read back every entry)`,
    );
  }
  return { added, ms, mode };
}

/**
 * Seeding writes IndexedDB behind the worker's back; entries reach it through the worker in real use. A new
 * worker copies the newest entries for the popup at start (src/platform/recent-history-store.ts), so the
 * bench restarts it and waits until the copy holds `total`.
 */
export async function workerSeesHistory(
  session: { extension: { context: BrowserContext }; lab: Page },
  total: number,
): Promise<void> {
  await stopServiceWorker(session.extension.context, session.lab);
  await session.lab.evaluate(() => chrome.runtime.sendMessage({ type: 'worker.ping' }));
  await session.lab.waitForFunction(
    async (expected) =>
      ((await chrome.storage.session.get('history.recent'))['history.recent'] as { total?: number } | undefined)
        ?.total === expected,
    total,
    { polling: 100, timeout: 30_000 },
  );
}

/** Waits until IndexedDB has no work left over from earlier tabs. */
export function historyIdle(page: Page): Promise<void> {
  return page.evaluate(() => (globalThis as WithBench).linqBenchHistory.idle());
}

/** One append as the worker does it per request (put pending, put settled, trimTo), timed in the page. */
export function appendOnce(page: Page, cap: number, into: 'history' | 'empty-twin' = 'history'): Promise<number> {
  return page.evaluate(({ limit, target }) => (globalThis as WithBench).linqBenchHistory.append(limit, target), {
    limit: cap,
    target: into,
  });
}

/** Known chat IDs and trace IDs of seeded entries, for search queries that match. */
export function seededSamples(page: Page): Promise<{ chatIds: string[]; traceIds: string[] }> {
  return page.evaluate(() => (globalThis as WithBench).linqBenchHistory.samples);
}
