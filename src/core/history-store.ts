import type { HistoryEntry } from './history.ts';

/** Where history lives. The worker is the only writer; views only read. */
export interface HistoryStore {
  put(entry: HistoryEntry): Promise<void>;
  get(id: string): Promise<HistoryEntry | undefined>;
  /** Newest first. */
  newest(limit: number): Promise<HistoryEntry[]>;
  pending(): Promise<HistoryEntry[]>;
  count(): Promise<number>;
  /** Deletes the oldest entries beyond `cap`; returns how many were deleted. */
  trimTo(cap: number): Promise<number>;
  clear(): Promise<void>;
}
