import type { Navigation } from '../core/traffic/traffic-messages.ts';
import type { TrafficEntry } from '../core/traffic/traffic-entry.ts';

/** What the Page traffic view shows: the inspected page's Linq requests, and those of opened HAR files. */
export interface TrafficState {
  /** Newest first: the page's own (source "page") and each opened HAR file's (source "har"). */
  entries: readonly TrafficEntry[];
  /** The inspected page's navigations, newest first, to mark where each load began. */
  navigations: readonly Navigation[];
  /**
   * false when this panel has no inspected page to capture from (opened as a tab, not inside DevTools): only
   * opened HAR files are shown then.
   */
  capturing: boolean;
}

export type HarOpenResult =
  { ok: true; fileName: string; kept: number; skipped: number; total: number } | { ok: false; reason: string };

/**
 * The Page traffic view's only way to the browser (src/platform/traffic-client.ts makes the real one). Page
 * traffic lives while DevTools is open and is never written to the request history.
 */
export interface TrafficClient {
  /** Called at once with the current state, then on every change; returns the unsubscribe. */
  subscribe(listener: (state: TrafficState) => void): () => void;
  /** Reads a HAR file (its size checked before reading) and adds its Linq requests; refused with the reason. */
  openHar(file: File): Promise<HarOpenResult>;
  /** Empties the view: the page's traffic (also in the DevTools page) and the opened files. */
  clear(): void;
}
