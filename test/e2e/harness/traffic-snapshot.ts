import type { Page } from 'playwright-core';
import type { LaunchedExtension } from './launch.ts';
import { extensionWorker } from './service-worker.ts';
import type { TrafficEntry } from '../../../src/core/traffic/traffic-entry.ts';
import { trafficChannelName, type Navigation } from '../../../src/core/traffic/traffic-messages.ts';

/**
 * The id of the tab showing `page` (the page DevTools inspects), as the worker sees it: the loopback host
 * permission lets it read the tab's URL. The panel opened as a tab follows it with `?inspect=<tabId>`.
 */
export async function tabIdOf(extension: LaunchedExtension, page: Page): Promise<number> {
  const worker = await extensionWorker(extension);
  return worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const found = tabs.find((tab) => tab.url === url);
    if (found?.id === undefined) throw new Error(`no tab at ${url}`);
    return found.id;
  }, page.url());
}

export interface TrafficSnapshot {
  entries: TrafficEntry[];
  navigations: Navigation[];
}

/**
 * What the DevTools page open on `tabId` holds, asked for over the tab's channel from an extension page (as the
 * panel asks): a snapshot request, retried until the DevTools page answers. Its answer also says it is capturing.
 */
export function trafficSnapshot(page: Page, tabId: number): Promise<TrafficSnapshot> {
  return page.evaluate(
    (name) =>
      new Promise<TrafficSnapshot>((resolve, reject) => {
        const channel = new BroadcastChannel(name);
        // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
        const ask = () => channel.postMessage({ type: 'traffic.snapshot.request' });
        const retry = setInterval(ask, 250);
        const fail = setTimeout(() => {
          clearInterval(retry);
          channel.close();
          reject(new Error('the DevTools page did not answer a snapshot request'));
        }, 10_000);
        channel.onmessage = (event: MessageEvent<{ type?: string } & TrafficSnapshot>) => {
          if (event.data?.type !== 'traffic.snapshot') return;
          clearInterval(retry);
          clearTimeout(fail);
          channel.close();
          resolve({ entries: event.data.entries, navigations: event.data.navigations });
        };
        ask();
      }),
    trafficChannelName(tabId),
  );
}
