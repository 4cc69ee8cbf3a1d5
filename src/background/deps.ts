import type { HistoryStore } from '../core/history-store.ts';
import type { RawOutcome } from '../core/linq/outcome.ts';
import type { TypingRequest } from '../core/linq/request.ts';
import type { Settings } from '../core/settings.ts';

/** Everything the worker's jobs need from the outside world, so they run the same against fakes in tests. */
export interface WorkerDeps {
  history: HistoryStore;
  loadSettings(): Promise<Settings>;
  /**
   * Settings and the active environment's key, read together (one round trip per storage area); with
   * `reuse`, the last read may be returned if nothing has changed since.
   */
  loadRequestConfig(reuse: boolean): Promise<{ settings: Settings; apiKey: string }>;
  hasHostAccess(baseUrl: string): Promise<boolean>;
  /** `bodyMax`: how much of the body to read; the preview's bound unless given. */
  send(request: TypingRequest, timeoutMs: number, bodyMax?: number): Promise<RawOutcome>;
  /** Tells every view the history changed; with the entry's ID when one entry did, and why it was not saved if it was not. */
  announce(entryId?: string, storeError?: string): void;
  /** Remembers the chat of a request that was sent, for the keyboard command. */
  rememberChatId(profileId: string, chatId: string): Promise<void>;
  now(): number;
  newId(): string;
  /** Resolves once stale pending entries have been reconciled; new work waits for it. */
  ready: Promise<void>;
}
