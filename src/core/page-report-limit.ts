/**
 * A page's own script can make the selection change in a loop (each change a trusted event), and every
 * change would be a message to the worker and a menu update. So each tab gets at most `limit` reports per
 * window; the excess is dropped, but the latest of it is applied when the window ends, so the item never
 * stays wrong.
 */
export const REPORT_LIMIT = { limit: 10, windowMs: 1_000 } as const;

export interface ReportLimiterOptions {
  limit: number;
  windowMs: number;
  now(): number;
  schedule(run: () => void, ms: number): void;
  apply(tabId: number, chatId: string | undefined): void;
}

export interface ReportLimiter {
  report(tabId: number, chatId: string | undefined): void;
  /** The tab navigated or closed: a report held from its old page must not be applied. */
  forget(tabId: number): void;
  /** How many reports were dropped so far (the latest of each burst is still applied). */
  dropped(): number;
}

interface TabWindow {
  start: number;
  count: number;
  /** The latest report over the limit, applied when the window ends. */
  held?: { chatId: string | undefined };
  timer: boolean;
}

export function createReportLimiter(options: ReportLimiterOptions): ReportLimiter {
  const tabs = new Map<number, TabWindow>();
  let dropped = 0;

  const report = (tabId: number, chatId: string | undefined): void => {
    const now = options.now();
    let tab = tabs.get(tabId);
    if (!tab || now - tab.start >= options.windowMs) {
      tab = { start: now, count: 0, timer: false };
      tabs.set(tabId, tab);
    }
    if (tab.count < options.limit) {
      tab.count += 1;
      options.apply(tabId, chatId);
      return;
    }
    if (tab.held) dropped += 1;
    tab.held = { chatId };
    if (tab.timer) return;
    tab.timer = true;
    const current = tab;
    options.schedule(
      () => {
        current.timer = false;
        const held = current.held;
        current.held = undefined;
        // Forgotten meanwhile (navigation), or replaced by a later window: nothing of this one to apply.
        if (held && tabs.get(tabId) === current) report(tabId, held.chatId);
      },
      Math.max(0, current.start + options.windowMs - now),
    );
  };

  return {
    report,
    forget: (tabId) => void tabs.delete(tabId),
    dropped: () => dropped,
  };
}
