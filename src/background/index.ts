import { parseHistoryEntry } from '../core/history.ts';
import { activeProfile, settingsFrom } from '../core/settings.ts';
import { browser } from '../platform/browser.ts';
import { announceHistoryChange } from '../platform/broadcast.ts';
import { createRecentHistoryCopier } from '../platform/recent-history-store.ts';
import { openHistoryDb } from '../platform/history-db.ts';
import { createHostAccess, rememberGrants } from '../platform/host-access.ts';
import { createRequestConfigSource } from '../platform/request-config.ts';
import { createSettingsStore } from '../platform/settings-store.ts';
import { listenForRequests } from '../platform/worker-messages.ts';
import { createLastChatStore } from '../platform/last-chat.ts';
import { chromePageMenuApi } from '../platform/page-menu-api.ts';
import { createPageMenuGate, type GateStorage } from '../platform/page-menu-gate.ts';
import {
  createBadgeShower,
  createSelectionMenu,
  listenForCommand,
  listenForSelectionMenu,
} from '../platform/toolbar.ts';
import { clearHistory } from './clear-history.ts';
import { createRequestHandlers } from './request-handlers.ts';
import { createImportJobs } from './import-job.ts';
import * as importPages from '../platform/history-import-pages.ts';
import { readOwnObjectUrl } from '../platform/import-file-url.ts';
import type { WorkerDeps } from './deps.ts';
import { reconcilePending } from './reconcile.ts';
import { startTyping, stopTyping } from './typing-request.ts';
import { rehearse } from './rehearse.ts';
import { checkChatRequest } from './chat-check.ts';
import { waitKeepingAlive } from './keep-alive.ts';
import { stopLastChat, stopSelectedChat, type QuickStopDeps } from './quick-stop.ts';
import { send } from './transport.ts';
import { startPageMenu } from './page-menu.ts';

// The worker links the import pages' code in: a service worker cannot load code once it has started.
const history = openHistoryDb(parseHistoryEntry, indexedDB, { importPages: async () => importPages });
const settings = createSettingsStore(browser.storage);
const hostAccess = rememberGrants(createHostAccess(browser.permissions), browser.permissions.onRemoved);
const requestConfig = createRequestConfigSource(browser.storage, settingsFrom);
const lastChat = createLastChatStore(browser.storage);
const recentCopy = createRecentHistoryCopier(browser.storage.session, history);
/** Every view hears of a history change, and the popup's copy of the newest entries follows it. */
const historyChanged = (entryId?: string, storeError?: string) => {
  announceHistoryChange({ entryId, total: history.knownTotal(), storeError });
  recentCopy.changed();
};

const deps: WorkerDeps = {
  history,
  loadSettings: () => settings.load(),
  loadRequestConfig: (reuse) => requestConfig.load(reuse),
  hasHostAccess: (url) => hostAccess.has(url),
  send: (request, timeoutMs, bodyMax) => send(request, timeoutMs, (url, init) => fetch(url, init), bodyMax),
  announce: historyChanged,
  rememberChatId: (profileId, chatId) => lastChat.save(profileId, chatId),
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  // A failed reconcile must not block new work: the stale entries simply stay pending until the next start.
  ready: reconcilePending(history, () => historyChanged()).then(
    // A new worker refreshes the copy even when nothing changed: after a browser restart there is none.
    () => recentCopy.changed(),
    (error: unknown) => console.error('Linq Typing Inspector: could not reconcile history', error),
  ),
};

// Pages an import had staged when the worker stopped are never committed: nothing reads them, so they go.
history
  .dropUnfinishedImports()
  .catch((error: unknown) => console.error('Linq Typing Inspector: could not drop an unfinished import', error));

const quickStop: QuickStopDeps = {
  ...deps,
  loadLastChatId: async () => lastChat.load(activeProfile(await settings.load()).id),
  showBadge: createBadgeShower(browser.action),
};

// One handler per request type of the protocol table (src/core/protocol.ts, REQUESTS).
const requests = createRequestHandlers();
requests.handle('typing.stop', (message) => stopTyping(message.chatId, deps, message.settingsUnchanged));
requests.handle('typing.start', (message) => startTyping(message.chatId, deps, message.settingsUnchanged));
requests.handle('typing.rehearse', (message) =>
  rehearse(message.chatId, message.seconds, {
    ...deps,
    wait: (ms) => waitKeepingAlive(ms, () => browser.runtime.getPlatformInfo()),
  }),
);
requests.handle('chat.check', (message) => checkChatRequest(message.chatId, deps, message.settingsUnchanged));
requests.handle('history.clear', () => clearHistory(deps));
const imports = createImportJobs(deps, readOwnObjectUrl);
requests.handle('history.import', (message) => imports.start(message));
requests.handle('history.importStatus', (message) => imports.status(message));
requests.handle('worker.ping', () => deps.ready.then(() => ({ ok: true }) as const));
// Registered synchronously at the top level, so a message that wakes the worker is never missed.
listenForRequests(browser.runtime, (request) => requests.dispatch(request));

listenForCommand(browser.commands, () => void stopLastChat(quickStop));
listenForSelectionMenu(browser.contextMenus, (text) => void stopSelectedChat(text, quickStop));
browser.runtime.onInstalled.addListener(() => createSelectionMenu(browser.contextMenus));
// The page menu turns on only once Chrome has confirmed that web pages cannot read storage; in Firefox,
// which cannot close it, only while no key is remembered.
const pageMenuGate = createPageMenuGate(chrome.storage as unknown as GateStorage, (message, error) =>
  console.error(`Linq Typing Inspector: ${message}`, error),
);
startPageMenu(chromePageMenuApi(pageMenuGate));

// The keyboard command and the menu item cannot be pressed by a test; these entry points let an end-to-end
// test run the very same handlers inside the worker (worker.evaluate). They act only as the user would.
Object.assign(globalThis, {
  linqInspector: {
    stopLastChat: () => stopLastChat(quickStop),
    stopSelectedChat: (text: string) => stopSelectedChat(text, quickStop),
  },
});
