import { parseHistoryEntry } from '../core/history.ts';
import { browser } from '../platform/browser.ts';
import { announceHistoryChange } from '../platform/broadcast.ts';
import { openHistoryDb } from '../platform/history-db.ts';
import { createHostAccess } from '../platform/host-access.ts';
import { createKeyStore } from '../platform/key-store.ts';
import { createSettingsStore } from '../platform/settings-store.ts';
import { listenForRequests } from '../platform/worker-messages.ts';
import { clearHistory } from './clear-history.ts';
import { importHistory } from './import-history.ts';
import type { WorkerDeps } from './deps.ts';
import { reconcilePending } from './reconcile.ts';
import { stopTyping } from './stop-typing.ts';
import { send } from './transport.ts';

const history = openHistoryDb(parseHistoryEntry);
const settings = createSettingsStore(browser.storage);
const keys = createKeyStore(browser.storage);
const hostAccess = createHostAccess(browser.permissions);

const deps: WorkerDeps = {
  history,
  loadSettings: () => settings.load(),
  loadKey: () => keys.load(),
  hasHostAccess: (url) => hostAccess.has(url),
  send: (request, timeoutMs) => send(request, timeoutMs, (url, init) => fetch(url, init)),
  announce: announceHistoryChange,
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  // A failed reconcile must not block new work: the stale entries simply stay pending until the next start.
  ready: reconcilePending(history, announceHistoryChange).then(
    () => undefined,
    (error: unknown) => console.error('Linq Typing Inspector: could not reconcile history', error),
  ),
};

// Registered synchronously at the top level, so a message that wakes the worker is never missed.
listenForRequests(browser.runtime, (request) => {
  switch (request.type) {
    case 'typing.stop':
      return stopTyping(request.chatId, deps);
    case 'history.clear':
      return clearHistory(deps);
    case 'history.import':
      return importHistory(request.entries, deps);
    case 'worker.ping':
      return deps.ready.then(() => ({ ok: true }) as const);
  }
});
