import { MAX_HAR_BYTES, readHar } from '../core/traffic/har-read.ts';
import type { TrafficEntry } from '../core/traffic/traffic-entry.ts';
import { sanitizeText } from '../core/linq/text.ts';
import type { HarOpenResult, TrafficClient, TrafficState } from '../ui/traffic-client.ts';

const MIB = 1024 * 1024;

/**
 * The panel's Page traffic source. This first version holds the HAR files the operator opens; the capture of the
 * inspected page's own traffic (the DevTools page, over the tab's channel) is added beside it.
 */
export function createTrafficClient(): TrafficClient {
  let fromFiles: TrafficEntry[] = [];
  const listeners = new Set<(state: TrafficState) => void>();
  const state = (): TrafficState => ({ entries: fromFiles, navigations: [], capturing: false });
  const emit = () => {
    const now = state();
    for (const listener of listeners) listener(now);
  };
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
      emit();
    },
  };
}
