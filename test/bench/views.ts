import type { Page } from 'playwright-core';
import { waitForViewReady } from '../e2e/harness/views.ts';
import { viewUrlOf, type BenchSession } from './session.ts';

export type View = 'popup' | 'panel';

export function pageOf(session: BenchSession, view: View): Page {
  return view === 'popup' ? session.popup : session.panel;
}

/** Waits until a view's History count shows `total` entries (popup: "N" or "latest 5 of N"). */
export async function waitForHistoryTotal(page: Page, total: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const text = document.querySelector('.history .count')?.textContent ?? '';
      const panel = `${expected} ${expected === 1 ? 'entry' : 'entries'}`;
      return text === panel || text === String(expected) || text.endsWith(` of ${expected}`);
    },
    total,
    { polling: 100, timeout: 60_000 },
  );
}

/** (Re)loads a view so it reads history seeded behind its back, and waits until it shows all of it. */
export async function showView(session: BenchSession, view: View, total: number): Promise<void> {
  const page = pageOf(session, view);
  await page.bringToFront();
  await page.goto(viewUrlOf(session, view));
  await waitForViewReady(page);
  await waitForHistoryTotal(page, total);
}

/** Sends a view's tab to the empty page, so it does no work (e.g. re-filtering 50,000 rows) while another is timed. */
export async function parkView(session: BenchSession, view: View): Promise<void> {
  await pageOf(session, view).goto(session.emptyUrl);
}
