import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';

/**
 * CPU profiles of a page and of the extension's service worker, for finding where a bench row's time goes
 * (BENCH_PROFILE=<folder> writes <name>.panel.cpuprofile and <name>.worker.cpuprofile; open them in DevTools).
 * The worker has no Page, so it is reached from the page's session: Target.attachToTarget, then its protocol
 * messages are wrapped in Target.sendMessageToTarget.
 */
export interface CpuProfiles {
  stop(name: string): Promise<void>;
}

type Targets = { targetInfos: Array<{ targetId: string; type: string; url: string }> };

async function workerSession(page: CDPSession): Promise<(method: string, params?: object) => Promise<unknown>> {
  const { targetInfos } = (await page.send('Target.getTargets')) as Targets;
  const target = targetInfos.find(
    (info) => info.type === 'service_worker' && info.url.startsWith('chrome-extension://'),
  );
  if (!target) throw new Error('bench: no service worker to profile');
  const { sessionId } = await page.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  page.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const call = message.id === undefined ? undefined : waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id!);
    if (message.error) call.reject(new Error(message.error.message));
    else call.resolve(message.result);
  });
  return (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      void page
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
}

export async function startCpuProfiles(page: Page, folder: string): Promise<CpuProfiles> {
  const session = await page.context().newCDPSession(page);
  const worker = await workerSession(session);
  for (const send of [(m: string, p?: object) => session.send(m as 'Profiler.enable', p), worker]) {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 500 });
    await send('Profiler.start');
  }
  return {
    async stop(name) {
      const panel = (await session.send('Profiler.stop')) as { profile: unknown };
      const background = (await worker('Profiler.stop')) as { profile: unknown };
      await writeFile(`${folder}/${name}.panel.cpuprofile`, JSON.stringify(panel.profile));
      await writeFile(`${folder}/${name}.worker.cpuprofile`, JSON.stringify(background.profile));
      await session.detach();
    },
  };
}
