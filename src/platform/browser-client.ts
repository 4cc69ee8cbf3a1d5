import { readStoredEntry } from '../core/history-guard.ts';
import type { WorkerRequest } from '../core/protocol.ts';
import type { InspectorClient } from '../ui/client.ts';
import { createPageMenuAccess } from './page-menu-access.ts';
import { viewApi } from './view-api.ts';
import { onHistoryChange } from './broadcast.ts';
import { openHistoryDb } from './history-db.ts';
import { createHostAccess } from './host-access.ts';
import { createKeyStore } from './key-store.ts';
import { readBothAreas, requestConfigFrom } from './request-config.ts';
import { RECENT_HISTORY_KEY } from './recent-history-store.ts';
import { readRecentHistoryCopy } from '../core/recent-history.ts';
import { settingsFrom } from '../core/settings.ts';
import { createSettingsStore } from './settings-store.ts';
import { firstPaintStore } from './first-paint-store.ts';
import { protocol } from './lazy-protocol.ts';
import { createWorkerChannel } from './worker-channel.ts';

const WORKER_GONE =
  'The extension\u2019s background worker did not answer. It may have been restarted; try again, and check the history.';

const worker = createWorkerChannel(viewApi.connect);

async function ask(message: WorkerRequest): Promise<unknown> {
  try {
    return await worker.request(message);
  } catch {
    // The worker died mid-request. Waking a new one makes it reconcile, so the entry it left turns
    // "interrupted" in every view instead of staying pending.
    void wakeWorker();
    return undefined;
  }
}

type Protocol = Awaited<ReturnType<typeof protocol>>;
type ReplySchema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

/** Sends a message and parses the reply with its schema; undefined when the worker gave no valid reply. */
async function askParsed<T>(message: WorkerRequest, schemaOf: (schemas: Protocol) => ReplySchema<T>): Promise<T | undefined> {
  const reply = await ask(message);
  const parsed = schemaOf(await protocol()).safeParse(reply);
  return parsed.success ? parsed.data : undefined;
}

async function wakeWorker(): Promise<boolean> {
  try {
    const reply = await worker.request({ type: 'worker.ping' });
    return (await protocol()).PingReply.safeParse(reply).success;
  } catch {
    return false;
  }
}

/** The views' client over the real extension API. Reads go straight to storage; writes of history go via the worker. */
export function createBrowserClient(): InspectorClient {
  const settings = createSettingsStore(viewApi.storage);
  const keys = createKeyStore(viewApi.storage);
  const hostAccess = createHostAccess(viewApi.permissions);
  const history = openHistoryDb(readStoredEntry);
  // Started now rather than when the view first asks (after its first render): the round trip (~7 ms)
  // then overlaps the render. Only the first loadInitial uses it; it has a handler at once, so a failure is
  // reported there, not as an unhandled rejection.
  let firstRead: Promise<Awaited<ReturnType<typeof readBothAreas>>> | undefined = readBothAreas(viewApi.storage);
  firstRead.catch(() => undefined);
  return {
    updateSettings: (change) => settings.update(change),
    async loadInitial() {
      const pending = firstRead ?? readBothAreas(viewApi.storage);
      firstRead = undefined;
      const areas = await pending;
      return { ...requestConfigFrom(areas, settingsFrom), recent: readRecentHistoryCopy(areas.session[RECENT_HISTORY_KEY]) };
    },
    readFirstPaint: () => firstPaintStore.read(),
    rememberFirstPaint: (value) => firstPaintStore.write(value),
    onSettingsChange: (listener) => settings.onChange(listener),
    loadKey: (profileId) => keys.load(profileId),
    saveKey: (profileId, key, remember) => keys.save(profileId, key, remember),
    rememberKey: (profileId, remember) => keys.move(profileId, remember),
    forgetKey: (profileId) => keys.forget(profileId),
    onKeyChange: (listener) => keys.onChange(listener),
    hasHostAccess: (baseUrl) => hostAccess.has(baseUrl),
    requestHostAccess: (baseUrl) => hostAccess.request(baseUrl),
    pageMenu: createPageMenuAccess(viewApi.permissions),
    async stopTyping(chatId, settingsUnchanged) {
      const message: WorkerRequest = { type: 'typing.stop', chatId, settingsUnchanged };
      return (await askParsed(message, (schemas) => schemas.StopTypingReply)) ?? { ok: false, message: WORKER_GONE };
    },
    async startTyping(chatId, settingsUnchanged) {
      const message: WorkerRequest = { type: 'typing.start', chatId, settingsUnchanged };
      return (await askParsed(message, (schemas) => schemas.StopTypingReply)) ?? { ok: false, message: WORKER_GONE };
    },
    async rehearse(chatId, seconds) {
      return (await askParsed({ type: 'typing.rehearse', chatId, seconds }, (schemas) => schemas.RehearseReply)) ?? { ok: false, message: WORKER_GONE };
    },
    async clearHistory() {
      const reply = (await askParsed({ type: 'history.clear' }, (schemas) => schemas.ClearHistoryReply)) ?? { ok: false, message: WORKER_GONE };
      if (reply.ok) firstPaintStore.forgetEntries();
      return reply;
    },
    loadNewest: (limit) => history.newest(limit),
    countHistory: () => history.count(),
    loadHistoryIndex: () => history.indexRows(),
    loadIndexRow: (id) => history.indexRow(id),
    loadEntries: (ids) => history.getMany(ids),
    onHistoryChange: (listener) => onHistoryChange((message) => listener(message.entryId, message.total, message.storeError)),
    async importHistory(entries, { onProgress, signal } = {}) {
      const { IMPORT_CHUNK, ImportHistoryReply } = await protocol();
      const sum = { ok: true, imported: 0, present: 0, overLimit: 0, handled: 0, cancelled: false };
      for (let start = 0; start < entries.length; start += IMPORT_CHUNK) {
        if (signal?.aborted) {
          // An empty last chunk: the worker tells the views of what was stored now, not seconds later.
          await askParsed({ type: 'history.import', entries: [], last: true }, () => ImportHistoryReply);
          return { ...sum, cancelled: true };
        }
        const chunk = entries.slice(start, start + IMPORT_CHUNK);
        const last = start + IMPORT_CHUNK >= entries.length;
        const reply = await askParsed({ type: 'history.import', entries: chunk, last }, () => ImportHistoryReply);
        if (!reply) return { ...sum, ok: false, message: WORKER_GONE };
        sum.imported += reply.imported;
        sum.present += reply.present ?? 0;
        sum.overLimit += reply.overLimit ?? 0;
        if (!reply.ok) return { ...sum, ok: false, message: reply.message };
        sum.handled += chunk.length;
        onProgress?.(sum.handled);
      }
      return sum;
    },
    extensionVersion: viewApi.extensionVersion(),
    // Only the panel copies and saves files; loading that code on use keeps it out of the popup.
    copyText: async (text) => (await import('./files.ts')).copyToClipboard(text),
    saveFile: (fileName, mimeType, text) => void import('./files.ts').then((files) => files.saveTextFile(fileName, mimeType, text)),
    // When a view opens, the ping (and the schemas its reply is parsed with) waits until the page is idle,
    // so it does not compete with the first paint; the worker reconciles whenever it starts anyway.
    wakeWorker: () => void requestIdleCallback(() => void wakeWorker(), { timeout: 1_000 }),
  };
}
