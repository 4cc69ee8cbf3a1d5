import type { Navigation } from './traffic-messages.ts';
import type { TrafficEntry } from './traffic-entry.ts';

/** Kept requests per inspected tab: enough for a debugging session, bounded against a page that floods. */
export const TRAFFIC_BUFFER_MAX = 1_000;
/** Navigations kept beside them, to mark where each page load began. */
const NAVIGATIONS_MAX = 200;

/**
 * The page traffic of one inspected tab, newest first, for as long as DevTools is open on it. An entry seen
 * twice (a backfill from getHAR after the same request arrived through onRequestFinished) is kept once: its id
 * is derived from the request itself, by the capture.
 */
export class TrafficBuffer {
  private list: TrafficEntry[] = [];
  private ids = new Set<string>();
  private marks: Navigation[] = [];

  /** Adds an entry unless it is held already; true if it was added. The oldest goes beyond the bound. */
  add(entry: TrafficEntry): boolean {
    if (this.ids.has(entry.id)) return false;
    this.ids.add(entry.id);
    let at = 0;
    while (at < this.list.length && this.list[at]!.startedAt > entry.startedAt) at += 1;
    this.list.splice(at, 0, entry);
    while (this.list.length > TRAFFIC_BUFFER_MAX) this.ids.delete(this.list.pop()!.id);
    return true;
  }

  navigated(navigation: Navigation): void {
    this.marks.unshift(navigation);
    this.marks.length = Math.min(this.marks.length, NAVIGATIONS_MAX);
  }

  clear(): void {
    this.list = [];
    this.ids.clear();
    this.marks = [];
  }

  /** Newest first. */
  get entries(): readonly TrafficEntry[] {
    return this.list;
  }

  /** Newest first. */
  get navigations(): readonly Navigation[] {
    return this.marks;
  }
}
