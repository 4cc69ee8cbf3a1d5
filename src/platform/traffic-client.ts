import { MAX_HAR_BYTES, readHar } from '../core/traffic/har-read.ts';
import { TrafficBuffer } from '../core/traffic/traffic-buffer.ts';
import type { TrafficEntry } from '../core/traffic/traffic-entry.ts';
import type { TrafficMessage } from '../core/traffic/traffic-messages.ts';
import { sanitizeText } from '../core/linq/text.ts';
import type { HarOpenResult, TrafficClient, TrafficState } from '../ui/traffic-client.ts';
import { openTrafficChannel, type TrafficChannel } from './traffic-channel.ts';

const MIB = 1024 * 1024;

/**
 * The tab whose traffic this panel shows: DevTools' inspected tab, or, for the panel page opened as a tab (by
 * a test, or an operator who wants it beside the page), the tab named by `?inspect=<tabId>`.
 */
export function inspectedTabId(): number | undefined {
  const devtools = (globalThis as { chrome?: { devtools?: { inspectedWindow?: { tabId?: unknown } } } }).chrome
    ?.devtools;
  const tabId = devtools?.inspectedWindow?.tabId;
  if (typeof tabId === 'number' && Number.isInteger(tabId)) return tabId;
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('inspect');
  return asked !== null && /^\d{1,10}$/.test(asked) ? Number(asked) : undefined;
}

export interface TrafficClientOptions {
  /** The inspected tab, when there is one; else only opened HAR files are shown. */
  tabId?: number;
  openChannel?: (tabId: number, onMessage: (message: TrafficMessage) => void) => TrafficChannel;
}

/**
 * The panel's Page traffic source: the inspected page's Linq requests, as the DevTools page captured them
 * (asked for once, then followed over the tab's channel), merged with the HAR files the operator opens.
 */
export function createTrafficClient(options: TrafficClientOptions = { tabId: inspectedTabId() }): TrafficClient {
  let fromFiles: TrafficEntry[] = [];
  const fromPage = new TrafficBuffer();
  const listeners = new Set<(state: TrafficState) => void>();
  const capturing = options.tabId !== undefined;
  const state = (): TrafficState => ({
    entries:
      fromPage.entries.length === 0
        ? fromFiles
        : [...fromPage.entries, ...fromFiles].toSorted((a, b) => b.startedAt - a.startedAt),
    navigations: fromPage.navigations,
    capturing,
  });
  const emit = () => {
    const now = state();
    for (const listener of listeners) listener(now);
  };

  let channel: TrafficChannel | undefined;
  if (options.tabId !== undefined) {
    channel = (options.openChannel ?? openTrafficChannel)(options.tabId, (message) => {
      if (message.type === 'traffic.snapshot') {
        // Complete as of its sending, and the DevTools page's later messages come after it: it replaces.
        fromPage.clear();
        for (const entry of message.entries) fromPage.add(entry);
        for (const navigation of message.navigations.toReversed()) fromPage.navigated(navigation);
      } else if (message.type === 'traffic.entry') {
        if (!fromPage.add(message.entry)) return;
      } else if (message.type === 'traffic.navigated') fromPage.navigated(message.navigation);
      else return;
      emit();
    });
    channel.post({ type: 'traffic.snapshot.request' });
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      listener(state());
      return () => listeners.delete(listener);
    },
    async openHar(file): Promise<HarOpenResult> {
      // Checked before reading: a file far over the limit is never read into memory.
      if (file.size > MAX_HAR_BYTES)
        return {
          ok: false,
          reason: `too large: ${(file.size / MIB).toFixed(1)} MiB, the limit is ${MAX_HAR_BYTES / MIB} MiB`,
        };
      const read = readHar(await file.text(), file.name);
      if (!read.ok) return read;
      const known = new Set(fromFiles.map((entry) => entry.id));
      const added = read.entries.filter((entry) => !known.has(entry.id));
      fromFiles = [...added, ...fromFiles].toSorted((a, b) => b.startedAt - a.startedAt);
      emit();
      return {
        ok: true,
        fileName: sanitizeText(file.name.slice(0, 200), 200),
        kept: read.entries.length,
        skipped: read.skipped,
        total: read.total,
      };
    },
    clear() {
      fromFiles = [];
      fromPage.clear();
      channel?.post({ type: 'traffic.clear' });
      emit();
    },
  };
}
