import type { Page } from 'playwright-core';

/** Quiet time before a timed click or fetch: no frame of the bench's own making is still close. */
export const QUIET_MS = 50;

/** Times of one Stop typing, from the click, in ms measured inside the page. */
export interface FireTiming {
  /** The Latest result region showed this request's settled, decoded result (DOM committed). */
  latestDom: number;
  /** …and the next animation frame after that: the result is on screen. */
  latestFrame: number;
  /** The history row for the chat ID left "Pending" (DOM committed). */
  rowDom: number;
  /** …and the next frame after that. */
  rowFrame: number;
  /** The click, in ms since the epoch (performance.timeOrigin + now), to line up with the mock's log. */
  clickEpoch: number;
}

/**
 * In the page: types the chat ID, clicks Stop typing, and watches the DOM with a MutationObserver. Every
 * fire uses a new chat ID, so "this request's result" is the Latest result region showing a settled result
 * for that chat ID. The history row is timed too.
 */
function fireInPage({
  view,
  chatId,
  timeoutMs,
  quietMs,
}: {
  view: string;
  chatId: string;
  timeoutMs: number;
  quietMs: number;
}): Promise<FireTiming> {
  const input = document.getElementById(`${view}-chat-id`) as HTMLInputElement | null;
  const button = [...document.querySelectorAll('button')].find(
    (candidate) => candidate.textContent?.trim() === 'Stop typing',
  );
  const latest = document.querySelector('section.latest');
  if (!input || !button || !latest)
    return Promise.reject(new Error(`${view}: Chat ID field, Stop typing button or Latest result missing`));
  input.value = chatId;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  // A frame for the view to re-render with the typed chat ID, then a quiet moment (QUIET_MS, as before the
  // floor's fetch): a click within a frame of that paint would have its result held to the next 16.7 ms
  // frame boundary, timing the bench's own typing rather than the extension.
  return new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, quietMs))).then(
    () =>
      new Promise<FireTiming>((resolve, reject) => {
        const times: Partial<FireTiming> = {};
        let start = 0;
        const finish = () => {
          if (times.latestFrame !== undefined && times.rowFrame !== undefined) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(times as FireTiming);
          }
        };
        const check = () => {
          const now = performance.now() - start;
          const error = latest.querySelector('.error');
          if (error) {
            observer.disconnect();
            clearTimeout(timer);
            reject(new Error(`${view}: Latest result shows an error: ${error.textContent}`));
            return;
          }
          const result = latest.querySelector('.result');
          if (
            times.latestDom === undefined &&
            result?.querySelector('.chat-id')?.textContent === chatId &&
            !result.classList.contains('kind-pending')
          ) {
            times.latestDom = now;
            requestAnimationFrame(() => {
              times.latestFrame = performance.now() - start;
              finish();
            });
          }
          if (times.rowDom === undefined) {
            const row = [...document.querySelectorAll('.history-item')].find(
              (item) => item.querySelector('.chat-id')?.textContent === chatId,
            );
            const status = row?.querySelector('.status')?.textContent?.trim();
            if (status && status !== 'Pending') {
              times.rowDom = now;
              requestAnimationFrame(() => {
                times.rowFrame = performance.now() - start;
                finish();
              });
            }
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(
            new Error(`${view}: no settled result for ${chatId} within ${timeoutMs} ms (${JSON.stringify(times)})`),
          );
        }, timeoutMs);
        // The click runs in a task of its own, as a real click does: inside page.evaluate's own task,
        // Playwright's bookkeeping would delay the view's first microtask by 1-2 ms.
        setTimeout(() => {
          start = performance.now();
          times.clickEpoch = performance.timeOrigin + start;
          button.click();
          check();
        }, 0);
      }),
  );
}

/**
 * worker.ping round trip on a port like the views' own (src/platform/worker-channel.ts): the messaging floor
 * under every Stop typing.
 */
export async function pingOnce(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const state = globalThis as unknown as { linqBenchPort?: chrome.runtime.Port; linqBenchPing?: number };
    state.linqBenchPort ??= chrome.runtime.connect({ name: 'linq-inspector-view' });
    const port = state.linqBenchPort;
    const id = (state.linqBenchPing = (state.linqBenchPing ?? 1_000_000) + 1);
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const onMessage = (message: { id?: number }) => {
        if (message.id !== id) return;
        port.onMessage.removeListener(onMessage);
        resolve();
      };
      port.onMessage.addListener(onMessage);
      port.postMessage({ id, request: { type: 'worker.ping' } });
    });
    return performance.now() - started;
  });
}

export async function fireOnce(
  page: Page,
  view: 'popup' | 'panel',
  chatId: string,
  timeoutMs = 10_000,
): Promise<FireTiming> {
  // A background tab gets no animation frames; the measured view must be the front tab.
  await page.bringToFront();
  return page.evaluate(fireInPage, { view, chatId, timeoutMs, quietMs: QUIET_MS });
}
