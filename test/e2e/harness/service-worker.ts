import type { Page, Worker } from 'playwright-core';
import type { LaunchedExtension } from './launch.ts';
import { waitUntil } from './wait.ts';

/**
 * The extension's service worker as a Playwright Worker, for running its own handlers (the keyboard command,
 * the context-menu item) with worker.evaluate. A handle goes stale once Chrome stops the worker, so it is
 * re-read on every call and checked to answer; if none answers, `wakeFrom` (an extension page) wakes it with
 * the views' own ping and the new worker is awaited.
 */
export async function extensionWorker(extension: LaunchedExtension, wakeFrom?: Page): Promise<Worker> {
  const origin = `chrome-extension://${extension.extensionId}/`;
  const live = async (): Promise<Worker | undefined> => {
    for (const worker of extension.context.serviceWorkers().filter((candidate) => candidate.url().startsWith(origin))) {
      const alive = await Promise.race([
        worker.evaluate(() => true).catch(() => false),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000)),
      ]);
      if (alive) return worker;
    }
    return undefined;
  };
  const found = await live();
  if (found) return found;
  if (!wakeFrom) throw new Error(`No live service worker for ${origin} (pass an extension page to wake it)`);
  await wakeFrom.evaluate(() => chrome.runtime.sendMessage({ type: 'worker.ping' }));
  let worker: Worker | undefined;
  await waitUntil(async () => (worker = await live()) !== undefined, {
    timeout: 10_000,
    message: `the service worker of ${origin} did not come back`,
  });
  return worker!;
}

export interface BadgeState {
  text: string;
  /** [r, g, b, a] as chrome.action.getBadgeBackgroundColor reports it. */
  color: number[];
  title: string;
}

/** The toolbar badge (the global one, which is what the worker sets) and the action's title. */
export function readBadge(worker: Worker): Promise<BadgeState> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: [...(await chrome.action.getBadgeBackgroundColor({}))],
    title: await chrome.action.getTitle({}),
  }));
}

/** Clears the badge, so the next outcome is known to be new. */
export async function resetBadge(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.action.setBadgeText({ text: '' }));
}

/** "#116329" as [17, 99, 41, 255]. */
export function rgba(hex: string): number[] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}

/**
 * Runs the worker's own keyboard-command or context-menu handler (exposed on globalThis.linqInspector for
 * exactly this), as Chrome would on Alt+Shift+S or a click on the menu item; returns the worker's reply.
 */
export function runQuickStop(
  worker: Worker,
  handler: 'stopLastChat' | 'stopSelectedChat',
  selection?: string,
): Promise<unknown> {
  return worker.evaluate(
    ([name, text]) => {
      const handlers = (globalThis as unknown as { linqInspector: Record<string, (text?: string) => Promise<unknown>> })
        .linqInspector;
      return handlers[name]!(text);
    },
    [handler, selection] as const,
  );
}
