import type { Page } from 'playwright-core';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { configure } from '../e2e/harness/configure.ts';
import { launchExtension, type LaunchedExtension } from '../e2e/harness/launch.ts';
import { openView, viewUrl } from '../e2e/harness/views.ts';
import { EMPTY_PAGE } from './dirs.ts';

/**
 * tsx compiles with keepNames, so functions handed to page.evaluate call a `__name` helper that pages lack.
 * Every document of the bench's browser gets a no-op one.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

export interface BenchSession {
  extension: LaunchedExtension;
  mock: MockLinq;
  baseUrl: string;
  apiKey: string;
  popup: Page;
  panel: Page;
  /** bench/empty.html: the same origin as the views, with no UI; the store code is injected here. */
  lab: Page;
  emptyUrl: string;
  close(): Promise<void>;
}

export const HISTORY_CAP = 100_000;

export async function startBenchSession(): Promise<BenchSession> {
  const mock = await startMockLinq({ port: 0 });
  const extension = await launchExtension().catch(async (error: unknown) => {
    await mock.close();
    throw error;
  });
  const close = async () => {
    await Promise.allSettled([extension.close(), mock.close()]);
  };
  try {
    await extension.context.addInitScript({ content: NAME_SHIM });
    const baseUrl = `${mock.url}/api/partner`;
    const apiKey = `sk_bench_${Math.random().toString(36).slice(2, 12)}`;
    const popup = await openView(extension, 'popup');
    await configure(popup, { baseUrl, apiKey });
    // What Settings › "History limit (entries)" stores at its maximum, so 50,000 entries are kept.
    await popup.evaluate(async (cap) => {
      const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
      await chrome.storage.local.set({ settings: { ...stored, historyCap: cap } });
    }, HISTORY_CAP);
    const panel = await openView(extension, 'panel');
    const lab = await extension.context.newPage();
    const emptyUrl = `chrome-extension://${extension.extensionId}/${EMPTY_PAGE}`;
    await lab.goto(emptyUrl);
    return { extension, mock, baseUrl, apiKey, popup, panel, lab, emptyUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export function viewUrlOf(session: BenchSession, view: 'popup' | 'panel'): string {
  return viewUrl(session.extension.extensionId, view);
}
