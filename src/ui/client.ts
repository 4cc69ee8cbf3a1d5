import type { HistoryEntry } from '../core/history.ts';
import type { IndexChunk, IndexChunkCursor } from '../core/index-chunks.ts';
import type { Ask, ClearHistoryReply, ImportStatus } from '../core/protocol.ts';
import type { Settings } from '../core/settings.ts';
import type { RecentHistoryCopy } from '../core/recent-history.ts';
import type { FirstPaint } from '../core/first-paint.ts';

/**
 * The right-click item on web pages: on while the extension may run its selection script on every site.
 * `turnOn` must be called straight from a click (Chrome asks the operator); both answer whether it is now
 * as asked.
 */
export interface PageMenuAccess {
  isOn(): Promise<boolean>;
  turnOn(): Promise<boolean>;
  turnOff(): Promise<boolean>;
  onChange(listener: () => void): () => void;
}

/**
 * Everything a view can do, as data and callbacks. The browser implementation lives in platform/; the UI
 * never touches the extension API, so it can be rendered and tested as a plain page.
 */
export interface InspectorClient {
  /**
   * The settings and the active environment's key, read together: what a view needs before it renders; with
   * the worker's copy of the newest entries, when there is one, for the popup to paint before its own read.
   */
  loadInitial(): Promise<{ settings: Settings; apiKey: string; recent?: RecentHistoryCopy }>;
  /** What the popup showed last time, read synchronously so it can paint before loadInitial answers. */
  readFirstPaint(): FirstPaint | undefined;
  rememberFirstPaint(value: FirstPaint): void;
  /** A patch, or a change applied to the settings as stored at that moment. */
  updateSettings(change: Partial<Settings> | ((current: Settings) => Settings)): Promise<Settings>;
  onSettingsChange(listener: (settings: Settings) => void): () => void;

  /** Each environment (profile) has its own key. */
  loadKey(profileId: string): Promise<string>;
  saveKey(profileId: string, key: string, remember: boolean): Promise<void>;
  /** Moves the stored key between session-only and on-device storage. */
  rememberKey(profileId: string, remember: boolean): Promise<void>;
  forgetKey(profileId: string): Promise<void>;
  onKeyChange(listener: (profileId: string) => void): () => void;

  hasHostAccess(baseUrl: string): Promise<boolean>;
  requestHostAccess(baseUrl: string): Promise<boolean>;
  readonly pageMenu: PageMenuAccess;

  /**
   * Sends the worker one request of the protocol table (src/core/protocol.ts, REQUESTS): its reply, parsed
   * with that type's schema, or undefined when the worker gave none (show WORKER_GONE).
   */
  readonly ask: Ask;
  /** The 'history.clear' request; on success the popup's first-paint copy forgets its entries too. */
  clearHistory(): Promise<ClearHistoryReply>;
  /** The newest entries in full. */
  loadNewest(limit: number): Promise<HistoryEntry[]>;
  /** How many entries there are (IndexedDB counts by walking its keys: slow at 50,000, so call it rarely). */
  countHistory(): Promise<number>;
  /**
   * About `count` entries' compact rows from `cursor` (undefined: the start), in storage order, each chunk a
   * short read of its own: the panel loads the whole index this way after its first paint, to search and scroll.
   */
  loadIndexChunk(cursor: IndexChunkCursor | undefined, count: number): Promise<IndexChunk>;
  loadEntries(ids: readonly string[]): Promise<HistoryEntry[]>;
  /**
   * Called after any change; `entryId` names the one entry that changed, when only one did, and `total` is
   * the new entry count when the worker knows it, and `storeError` says why that entry could not be stored.
   */
  onHistoryChange(listener: (entryId?: string, total?: number, storeError?: string) => void): () => void;
  /**
   * Stores entries read from an export file (already validated), a chunk at a time; `onProgress` hears how many
   * were handled, and an aborted `signal` sends no further chunk (what was stored stays, including the chunk
   * already sent ahead, which is counted).
   */
  /** Hands an export file to the worker, which reads, checks and stores it; progress as it goes. */
  importHistory(file: Blob, options?: ImportOptions): Promise<ImportStatus>;

  readonly extensionVersion: string;
  copyText(text: string): Promise<void>;
  /** Offers the text to the operator as a downloaded file. */
  saveFile(fileName: string, mimeType: string, text: string): void;

  /** Starts the worker if it is not running, so it reconciles what a stopped worker left pending. */
  wakeWorker(): void;
}

/** What a view shows when `ask` had no reply. */
export const WORKER_GONE =
  'The extension\u2019s background worker did not answer. It may have been restarted; ' +
  'try again, and check the history.';

export interface ImportOptions {
  onProgress?(status: ImportStatus): void;
  /** Aborted by Cancel: the worker stops before its next chunk, and keeps what it stored. */
  signal?: AbortSignal;
}
