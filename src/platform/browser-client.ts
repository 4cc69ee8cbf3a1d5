import { readStoredEntry } from '../core/history-guard.ts';
import { WORKER_GONE, type InspectorClient } from '../ui/client.ts';
import { createPageMenuAccess } from './page-menu-access.ts';
import { viewApi } from './view-api.ts';
import { onHistoryChange } from './broadcast.ts';
import { openHistoryReader } from './history-reader.ts';
import { createHostAccess } from './host-access.ts';
import { createKeyStore } from './key-store.ts';
import { readBothAreas, requestConfigFrom } from './request-config.ts';
import { RECENT_HISTORY_KEY } from './recent-history-store.ts';
import { readRecentHistoryCopy } from '../core/recent-history.ts';
import { settingsFrom } from '../core/settings.ts';
import { createSettingsStore } from './settings-store.ts';
import { firstPaintStore } from './first-paint-store.ts';
import { createWorkerChannel } from './worker-channel.ts';
import { createAsk } from './ask.ts';

const worker = createWorkerChannel(viewApi.connect);
// A ping that fails wakes nothing more: the next request opens a new port, which starts a new worker.
const askOnce = createAsk(worker, () => undefined);
const wakeWorker = async () => (await askOnce('worker.ping', {})) !== undefined;
// The worker died mid-request. Waking a new one makes it reconcile, so the entry it left turns
// "interrupted" in every view instead of staying pending.
const ask = createAsk(worker, () => void wakeWorker());

/** The views' client over the real extension API. Reads go straight to storage; writes of history go via the worker. */
export function createBrowserClient(): InspectorClient {
  const settings = createSettingsStore(viewApi.storage);
  const keys = createKeyStore(viewApi.storage);
  const hostAccess = createHostAccess(viewApi.permissions);
  const history = openHistoryReader(readStoredEntry);
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
      return {
        ...requestConfigFrom(areas, settingsFrom),
        recent: readRecentHistoryCopy(areas.session[RECENT_HISTORY_KEY]),
      };
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
    ask,
    async clearHistory() {
      const reply = (await ask('history.clear', {})) ?? { ok: false, message: WORKER_GONE };
      if (reply.ok) firstPaintStore.forgetEntries();
      return reply;
    },
    loadNewest: (limit) => history.newest(limit),
    countHistory: () => history.count(),
    loadIndexChunk: (cursor, count) => history.indexChunk(cursor, count),
    loadEntries: (ids) => history.getMany(ids),
    onHistoryChange: (listener) =>
      onHistoryChange((message) => listener(message.entryId, message.total, message.storeError)),
    // Only the panel imports; loading that code on use keeps it out of the popup.
    importHistory: async (file, options) => (await import('./import-sender.ts')).sendImport(ask, file, options),
    // Read on use: getManifest() builds the whole manifest (about 0.5 ms in a first-paint profile), and only
    // exports and reports need the version.
    get extensionVersion() {
      return viewApi.extensionVersion();
    },
    // Only the panel copies and saves files; loading that code on use keeps it out of the popup.
    copyText: async (text) => (await import('./files.ts')).copyToClipboard(text),
    saveFile: (fileName, mimeType, text) =>
      void import('./files.ts').then((files) => files.saveTextFile(fileName, mimeType, text)),
    // When a view opens, the ping (and the schemas its reply is parsed with) waits until the page is idle,
    // so it does not compete with the first paint; the worker reconciles whenever it starts anyway.
    wakeWorker: () => void requestIdleCallback(() => void wakeWorker(), { timeout: 1_000 }),
  };
}
