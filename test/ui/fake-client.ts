/**
 * An InspectorClient over plain memory, for the UI unit tests and the `npm run dev:ui` page: what the browser
 * client keeps in chrome.storage and IndexedDB lives in `stored`, and a test decides when the stored values
 * arrive and when writes land (and their echoes are heard).
 */
import type { FirstPaint } from '../../src/core/first-paint.ts';
import type { HistoryEntry } from '../../src/core/history.ts';
import { indexRowOf } from '../../src/core/history-index.ts';
import { parseHistoryImport } from '../../src/core/share/export-json.ts';
import { decodeOutcome } from '../../src/core/linq/decode.ts';
import type { RawOutcome } from '../../src/core/linq/outcome.ts';
import { RECENT_LIMIT } from '../../src/core/recent-history.ts';
import { activeProfile, DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import type { InspectorClient } from '../../src/ui/client.ts';
import type { RequestType, TypingReply } from '../../src/core/protocol.ts';

type Operation = HistoryEntry['operation'];

export interface SentRequest {
  type: Operation | 'typing.rehearse';
  chatId: string;
  settingsUnchanged?: boolean;
}

export interface FakeClientOptions {
  settings?: Settings;
  /** Stored keys by environment (profile) id. */
  keys?: Record<string, string>;
  /** Newest first. */
  history?: HistoryEntry[];
  /** What the popup showed last time. */
  firstPaint?: FirstPaint;
  /** loadInitial answers only at `storedValuesArrive()`, as if chrome.storage were slow. */
  holdInitial?: boolean;
  /** Whether the extension may reach the base URL's host; "Grant access" grants it. */
  hostAccess?: boolean;
}

/** What the browser client keeps in chrome.storage, IndexedDB and localStorage. */
export interface FakeStore {
  settings: Settings;
  keys: Record<string, string>;
  history: HistoryEntry[];
  firstPaint?: FirstPaint;
}

export interface FakeInspectorClient extends InspectorClient {
  readonly stored: FakeStore;
  /** The requests the view sent, in order. */
  readonly sent: SentRequest[];
  readonly copied: string[];
  /** What the worker answers a start or a stop; by default a 204, stored in the history. */
  answer: (operation: Operation, chatId: string) => TypingReply;
  storedValuesArrive(): Promise<void>;
  /** From now on writes wait for `releaseWrites`, as chrome.storage answers a few milliseconds later. */
  holdWrites(): void;
  /** Lands the next `count` held writes (all by default), each heard by the view as storage would tell it. */
  releaseWrites(count?: number): Promise<void>;
  /** Another view or the worker changes the stored settings. */
  changeSettingsElsewhere(change: (current: Settings) => Settings): void;
  /** From now on each chunk of the search index waits for `releaseIndexChunks`, as a slow read would. */
  holdIndex(): void;
  /** Lets the next `count` index chunks be read (all waiting ones and any later by default). */
  releaseIndexChunks(count?: number): Promise<void>;
}

/** Holds reads until released, a given number at a time or all. */
function readGate() {
  let held = false;
  let allowance = 0;
  const waiting: Array<() => void> = [];
  const drain = () => {
    for (const next of waiting.splice(0, held ? allowance : waiting.length)) {
      if (held) allowance -= 1;
      next();
    }
  };
  return {
    pass: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        drain();
      }),
    hold: () => void (held = true),
    async release(count = Infinity) {
      if (count === Infinity) held = false;
      else allowance += count;
      drain();
      await settle();
    },
  };
}

function listen<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  return () => void set.delete(listener);
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A settled entry as the worker would store it, decoded by the real decoder. */
export function answeredEntry(operation: Operation, chatId: string, baseUrl: string, raw?: RawOutcome): HistoryEntry {
  const startedAt = Date.now();
  const answer: RawOutcome = raw ?? {
    kind: 'response',
    status: 204,
    statusText: 'No Content',
    headers: [['x-trace-id', 'trace-fake']],
    body: '',
    bodyTruncated: false,
    receivedAt: startedAt + 42,
  };
  const url = `${baseUrl}/v3/chats/${chatId}/typing`;
  return {
    id: crypto.randomUUID(),
    startedAt,
    durationMs: 42,
    state: 'settled',
    operation,
    method: operation === 'typing.start' ? 'POST' : 'DELETE',
    chatId,
    baseUrlHost: new URL(baseUrl).host,
    request: {
      url,
      headers: [
        ['Accept', '*/*'],
        ['Authorization', '[redacted]'],
      ],
      timeoutMs: 15_000,
    },
    response:
      answer.kind === 'response'
        ? {
            status: answer.status,
            statusText: answer.statusText,
            headers: answer.headers,
            bodyPreview: answer.body,
            bodyTruncated: false,
          }
        : undefined,
    outcome: decodeOutcome(answer, operation),
  };
}

export function createFakeClient(options: FakeClientOptions = {}): FakeInspectorClient {
  const stored = {
    settings: structuredClone(options.settings ?? DEFAULT_SETTINGS),
    keys: { ...options.keys },
    history: [...(options.history ?? [])],
    firstPaint: options.firstPaint,
  };
  const listeners = {
    settings: new Set<(settings: Settings) => void>(),
    key: new Set<(profileId: string) => void>(),
    history: new Set<(entryId?: string, total?: number, storeError?: string) => void>(),
  };
  let releaseInitial: (() => void) | undefined;
  const initialHeld = options.holdInitial
    ? new Promise<void>((resolve) => (releaseInitial = resolve))
    : Promise.resolve();
  const indexGate = readGate();
  let writesHeld = false;
  const heldWrites: Array<() => void> = [];
  /** Runs `apply` when the write lands, then tells the listeners, as chrome.storage.onChanged would. */
  const write = <T>(apply: () => T): Promise<T> =>
    new Promise<T>((resolve) => {
      const land = () => resolve(apply());
      if (writesHeld) heldWrites.push(land);
      else queueMicrotask(land);
    });
  const setSettings = (next: Settings) => {
    stored.settings = next;
    listeners.settings.forEach((listener) => listener(structuredClone(next)));
    return structuredClone(next);
  };
  const setKey = (profileId: string, key: string) => {
    if (key === '') delete stored.keys[profileId];
    else stored.keys[profileId] = key;
    listeners.key.forEach((listener) => listener(profileId));
  };
  const sent: SentRequest[] = [];
  const record = (entry: HistoryEntry) => {
    stored.history.unshift(entry);
    listeners.history.forEach((listener) => listener(entry.id, stored.history.length));
  };
  const baseUrl = () => activeProfile(stored.settings).baseUrl;
  let hostAccess = options.hostAccess ?? true;
  let pageMenuOn = false;

  const client: FakeInspectorClient = {
    stored,
    sent,
    copied: [],
    answer(operation, chatId) {
      const entry = answeredEntry(operation, chatId, baseUrl());
      record(entry);
      return { ok: true, entry };
    },
    async storedValuesArrive() {
      releaseInitial?.();
      await settle();
    },
    holdWrites() {
      writesHeld = true;
    },
    async releaseWrites(count = Infinity) {
      for (let landed = 0; landed < count && heldWrites.length > 0; landed += 1) heldWrites.shift()!();
      if (heldWrites.length === 0) writesHeld = false;
      await settle();
    },
    changeSettingsElsewhere(change) {
      setSettings(change(structuredClone(stored.settings)));
    },

    async loadInitial() {
      await initialHeld;
      const recent = { entries: stored.history.slice(0, RECENT_LIMIT), total: stored.history.length };
      const settings = structuredClone(stored.settings);
      return { settings, apiKey: stored.keys[settings.activeProfileId] ?? '', recent };
    },
    readFirstPaint: () => stored.firstPaint,
    rememberFirstPaint(value) {
      stored.firstPaint = value;
    },
    updateSettings: (change) =>
      write(() => {
        const current = structuredClone(stored.settings);
        return setSettings(typeof change === 'function' ? change(current) : { ...current, ...change });
      }),
    onSettingsChange: (listener) => listen(listeners.settings, listener),
    loadKey: async (profileId) => stored.keys[profileId] ?? '',
    saveKey: (profileId, key) => write(() => setKey(profileId, key)),
    rememberKey: () => write(() => undefined),
    forgetKey: (profileId) => write(() => setKey(profileId, '')),
    onKeyChange: (listener) => listen(listeners.key, listener),
    hasHostAccess: async () => hostAccess,
    requestHostAccess: async () => (hostAccess = true),
    pageMenu: {
      isOn: async () => pageMenuOn,
      turnOn: async () => (pageMenuOn = true),
      turnOff: async () => !(pageMenuOn = false),
      onChange: () => () => undefined,
    },

    // The worker's side of every request a view sends with `ask` (src/core/protocol.ts, REQUESTS).
    ask: (async (type: RequestType, message: { chatId?: string; settingsUnchanged?: boolean }) => {
      const chatId = message.chatId ?? '';
      if (type === 'typing.stop' || type === 'typing.start') {
        sent.push({ type, chatId, settingsUnchanged: message.settingsUnchanged });
        return client.answer(type, chatId);
      }
      if (type === 'typing.rehearse') {
        sent.push({ type: 'typing.rehearse', chatId });
        const start = answeredEntry('typing.start', chatId, baseUrl());
        const stop = answeredEntry('typing.stop', chatId, baseUrl());
        record(start);
        record(stop);
        return { ok: true, start, stop };
      }
      if (type === 'history.clear') return client.clearHistory();
      return type === 'worker.ping' ? { ok: true } : undefined;
    }) as InspectorClient['ask'],
    async clearHistory() {
      stored.history.length = 0;
      listeners.history.forEach((listener) => listener(undefined, 0));
      return { ok: true };
    },
    loadNewest: async (limit) => stored.history.slice(0, limit),
    countHistory: async () => stored.history.length,
    async loadIndexChunk(cursor, count) {
      await indexGate.pass();
      // Storage order is not age order: oldest first here, so the view must sort what it reads.
      const oldestFirst = stored.history.toReversed();
      const start = typeof cursor?.after === 'number' ? cursor.after : 0;
      const end = start + count;
      const rows = oldestFirst.slice(start, end).map(indexRowOf);
      return { rows, next: end < oldestFirst.length ? { part: 'own' as const, after: end } : undefined };
    },
    holdIndex: () => indexGate.hold(),
    releaseIndexChunks: (count) => indexGate.release(count),
    loadEntries: async (ids) => stored.history.filter((entry) => ids.includes(entry.id)),
    onHistoryChange: (listener) => listen(listeners.history, listener),
    async importHistory(file) {
      // What the worker does with a file, at once: every entry checked, stored ids skipped.
      const read = parseHistoryImport(await file.text());
      const status = { phase: 'done' as const, done: 0, total: 0, imported: 0, present: 0, overLimit: 0 };
      if (!read.ok) return { ...status, refused: read.reason };
      const known = new Set(stored.history.map((entry) => entry.id));
      const fresh = read.entries.filter((entry) => !known.has(entry.id));
      stored.history.push(...fresh);
      stored.history.sort((a, b) => b.startedAt - a.startedAt);
      listeners.history.forEach((listener) => listener());
      const total = read.entries.length;
      return { ...status, done: total, total, imported: fresh.length, present: total - fresh.length };
    },

    extensionVersion: '0.0.0-fake',
    async copyText(text) {
      client.copied.push(text);
    },
    saveFile: () => undefined,
    wakeWorker: () => undefined,
  };
  return client;
}
