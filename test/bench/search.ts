import type { Page } from 'playwright-core';

/**
 * In the panel: types `query` into "Search history" (value + input event, as typing does) and times until
 * the History count text changes, then the next frame. Returns ms from the input event, and the new count.
 */
function searchInPage({
  query,
  timeoutMs,
}: {
  query: string;
  timeoutMs: number;
}): Promise<{ dom: number; frame: number; count: string }> {
  const input = document.getElementById('history-search') as HTMLInputElement | null;
  const section = document.querySelector('.history.browser');
  const countText = () => section?.querySelector('.count')?.textContent ?? '';
  if (!input || !section) return Promise.reject(new Error('panel: Search history box or History section missing'));
  const before = countText();
  return new Promise((resolve, reject) => {
    let start = 0;
    const observer = new MutationObserver(() => {
      const now = countText();
      if (now === before) return;
      const dom = performance.now() - start;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve({ dom, frame: performance.now() - start, count: now }));
    });
    observer.observe(section, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`panel: the History count stayed "${before}" for ${timeoutMs} ms after searching "${query}"`));
    }, timeoutMs);
    start = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function searchOnce(panel: Page, query: string): Promise<{ dom: number; frame: number; count: string }> {
  await panel.bringToFront();
  return panel.evaluate(searchInPage, { query, timeoutMs: 15_000 });
}
