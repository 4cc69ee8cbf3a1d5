import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { WorkerDeps } from '../../../src/background/deps.ts';
import type { RawOutcome } from '../../../src/core/linq/outcome.ts';
import type { TypingRequest } from '../../../src/core/linq/request.ts';
import type { HistoryEntry } from '../../../src/core/history.ts';
import { openHistoryDb } from '../../../src/platform/history-db.ts';
import { parseHistoryEntry } from '../../../src/core/history.ts';
import { createKeyStore } from '../../../src/platform/key-store.ts';
import { readRequestConfig } from '../../../src/platform/request-config.ts';
import { settingsFrom } from '../../../src/core/settings.ts';
import { createSettingsStore } from '../../../src/platform/settings-store.ts';
import type { StorageLike } from '../../../src/platform/storage-types.ts';

export const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
export const KEY = 'sk_test_secret_123';

/** A minimal valid entry, as the store keeps them (settled unless said otherwise). */
export function storedEntry(id: string, startedAt: number, state: HistoryEntry['state'] = 'settled'): HistoryEntry {
  return {
    id,
    startedAt,
    state,
    operation: 'typing.stop',
    method: 'DELETE',
    chatId: CHAT,
    baseUrlHost: 'api.linqapp.com',
    request: { url: 'https://api.linqapp.com/api/partner/v3/chats/x/typing', headers: [], timeoutMs: 15_000 },
  };
}

export function storage(): StorageLike {
  return fakeBrowser.storage as unknown as StorageLike;
}

/** Worker deps over an in-memory IndexedDB and an in-memory browser.storage. */
export function makeDeps(overrides: Partial<WorkerDeps> = {}) {
  fakeBrowser.reset();
  const history = openHistoryDb(parseHistoryEntry, new IDBFactory());
  const settings = createSettingsStore(storage());
  const keys = createKeyStore(storage());
  const sent: Array<{ request: TypingRequest; timeoutMs: number }> = [];
  const announced: Array<string | undefined> = [];
  let clock = 1_000_000;
  let ids = 0;
  const deps: WorkerDeps = {
    history,
    loadSettings: () => settings.load(),
    loadRequestConfig: () => readRequestConfig(storage(), settingsFrom),
    hasHostAccess: async () => true,
    send: async (request, timeoutMs): Promise<RawOutcome> => {
      sent.push({ request, timeoutMs });
      return {
        kind: 'response',
        status: 204,
        statusText: 'No Content',
        headers: [],
        body: '',
        bodyTruncated: false,
        receivedAt: clock,
      };
    },
    announce: (id) => announced.push(id),
    rememberChatId: async () => undefined,
    now: () => (clock += 5),
    newId: () => `entry-${String(++ids).padStart(4, '0')}`,
    ready: Promise.resolve(),
    ...overrides,
  };
  return { deps, history, settings, keys, sent, announced };
}
