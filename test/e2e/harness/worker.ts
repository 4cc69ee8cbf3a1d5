import type { BrowserContext, Page } from 'playwright-core';
import { waitUntil } from './wait.ts';

/**
 * Stops the extension's service worker the way Chrome does when it ends an idle or stuck worker: CDP
 * Target.getTargets to find its service_worker target, Target.closeTarget on it, then waits until it is
 * really stopped (a call that returned proves nothing).
 *
 * "Stopped" is proven by either signal: the target is absent from Target.getTargets, or the ServiceWorker
 * domain reports runningStatus "stopped". Both are needed in practice: a view with a request in flight wakes a
 * new worker within milliseconds, and the new one comes back under the same target ID, so polling the target
 * list alone can miss the gap.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  // Node's URL gives chrome-extension: URLs an opaque origin ("null"), so build it from the host.
  const origin = `chrome-extension://${new URL(page.url()).host}`;
  const ours = (url: string) => url.startsWith(`${origin}/`);
  const cdp = await context.newCDPSession(page);
  try {
    let reportedStopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => ours(version.scriptURL) && version.runningStatus === 'stopped')) {
        reportedStopped = true;
      }
    });
    await cdp.send('ServiceWorker.enable');

    const workerTargets = async () => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.filter((target) => target.type === 'service_worker' && ours(target.url));
    };
    const running = await workerTargets();
    if (running.length === 0) throw new Error(`No service worker target for ${origin} to stop`);
    for (const target of running) {
      const { success } = await cdp.send('Target.closeTarget', { targetId: target.targetId });
      if (!success) throw new Error(`Target.closeTarget refused the service worker ${target.targetId}`);
    }
    const stoppedIds = new Set(running.map((target) => target.targetId));
    await waitUntil(
      async () => reportedStopped || !(await workerTargets()).some((target) => stoppedIds.has(target.targetId)),
      { timeout: 5_000, interval: 20, message: `the service worker of ${origin} did not stop` },
    );
  } finally {
    await cdp.send('ServiceWorker.disable').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

/** Whether a service worker of the extension is running now (CDP's target list). */
export async function isServiceWorkerRunning(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<boolean> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some(
      (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
    );
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
