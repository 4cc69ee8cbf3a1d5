import type { HistoryStore } from '../core/history-store.ts';
import type { RawOutcome } from '../core/linq/outcome.ts';
import type { TypingRequest } from '../core/linq/request.ts';
import type { Settings } from '../core/settings.ts';

/** Everything the worker's jobs need from the outside world, so they run the same against fakes in tests. */
export interface WorkerDeps {
  history: HistoryStore;
  loadSettings(): Promise<Settings>;
  /** Settings and the active environment's key, read together (one round trip per storage area). */
  loadRequestConfig(): Promise<{ settings: Settings; apiKey: string }>;
  hasHostAccess(baseUrl: string): Promise<boolean>;
  send(request: TypingRequest, timeoutMs: number): Promise<RawOutcome>;
  announce(entryId?: string): void;
  /** Remembers the chat of a request that was sent, for the keyboard command. */
  rememberChatId(profileId: string, chatId: string): Promise<void>;
  now(): number;
  newId(): string;
  /** Resolves once stale pending entries have been reconciled; new work waits for it. */
  ready: Promise<void>;
}
