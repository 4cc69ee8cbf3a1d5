import { decodeOutcome } from '../core/linq/decode.ts';
import {
  buildTypingRequest,
  redactHeaders,
  type Operation,
  type TypingOperation,
  type TypingRequest,
} from '../core/linq/request.ts';
import type { HistoryEntry } from '../core/history.ts';
import type { DecodedOutcome, RawOutcome } from '../core/linq/outcome.ts';
import { keyOfAuthorization, redactDecoded, redactKnownKey } from '../core/linq/redact-key.ts';
import type { TypingReply } from '../core/protocol.ts';
import { activeProfile, type Settings } from '../core/settings.ts';
import type { WorkerDeps } from './deps.ts';

export function responsePart(raw: RawOutcome): HistoryEntry['response'] {
  if (raw.kind !== 'response') return undefined;
  return {
    status: raw.status,
    statusText: raw.statusText,
    headers: raw.headers,
    bodyPreview: raw.body,
    bodyTruncated: raw.bodyTruncated,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a typing request leaves behind: the reply for the view, and the settled entry's write after it. */
export interface TypingRun {
  reply: TypingReply;
  /** Resolves once the settled entry is stored (or its store error announced) and the history trimmed. */
  stored: Promise<void>;
}

const nothingToStore: Promise<void> = Promise.resolve();

/** How long a request is in flight before views are told of its pending entry. */
export const PENDING_NOTICE_MS = 150;
/** How long after the reply views are told of the settled entry: a frame at 60 Hz, and a little more. */
export const SETTLED_NOTICE_MS = 25;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface TypingOptions {
  /** Links the two entries of one rehearsal. */
  rehearsalId?: string;
  /** The view has seen no change to settings or keys since its last request (protocol.ts). */
  settingsUnchanged?: boolean;
}

/** What sending a built request produced: the settled entry's parts, and what only the reply carries. */
export interface Acted {
  response: HistoryEntry['response'];
  outcome: DecodedOutcome;
  diagnosis?: HistoryEntry['diagnosis'];
  /** The chat check's participants' handles: for the view that asked, never stored. */
  handles?: string[];
}
/** Sends the request (the key is `sentKey`) and decodes what came back, with the key redacted from all of it. */
export type Act = (request: TypingRequest, timeoutMs: number, sentKey: string, deps: WorkerDeps) => Promise<Acted>;

const sendAndDecode: Act = async (request, timeoutMs, sentKey, deps) => {
  // A server or proxy may quote the key back: it is replaced before anything is stored, indexed or replied.
  const raw = redactKnownKey(await deps.send(request, timeoutMs), sentKey);
  return { response: responsePart(raw), outcome: redactDecoded(decodeOutcome(raw, request.operation), sentKey) };
};

/**
 * Journal, act, reply, settle (docs/performance.md, "The fire path"): the entry is stored as pending before
 * the request leaves, so a worker stopped mid-flight leaves a trace that reconcile turns into "interrupted".
 * The journal write is issued with its commit requested, and the request leaves without waiting for the
 * commit's confirmation. The decoded result goes back to the view first; the settled entry is written
 * straight after, so the operator never waits on the store. A worker stopped in the few milliseconds
 * between the reply and that write leaves the entry pending, and reconcile marks it "interrupted". If the
 * store fails, the request still runs and the operator still gets its result, with the storage error beside
 * it (in the reply, or announced when only the settled write fails).
 */
export function runTypingRequest(
  operation: TypingOperation,
  chatIdInput: string,
  deps: WorkerDeps,
  options: TypingOptions = {},
): Promise<TypingRun> {
  return runRequest(operation, chatIdInput, deps, options, sendAndDecode);
}

/** Journal, act, reply, settle for any operation; `act` sends and decodes (the chat check sends two GETs). */
export async function runRequest(
  operation: Operation,
  chatIdInput: string,
  deps: WorkerDeps,
  { rehearsalId, settingsUnchanged = false }: TypingOptions,
  act: Act,
): Promise<TypingRun & { handles?: string[] }> {
  await deps.ready;
  const { settings, apiKey } = await deps.loadRequestConfig(settingsUnchanged);
  const profile = activeProfile(settings);
  const built = buildTypingRequest({ operation, baseUrl: profile.baseUrl, chatId: chatIdInput, apiKey });
  if (!built.ok) return { reply: { ok: false, field: built.field, message: built.reason }, stored: nothingToStore };
  const { request } = built;
  if (!(await deps.hasHostAccess(request.url))) {
    const message = `The extension has no access to ${new URL(request.url).host}. Use "Grant access" first.`;
    return { reply: { ok: false, field: 'baseUrl', message }, stored: nothingToStore };
  }

  const startedAt = deps.now();
  const pending: HistoryEntry = {
    id: deps.newId(),
    startedAt,
    state: 'pending',
    operation: request.operation,
    method: request.method,
    chatId: request.chatId,
    baseUrlHost: new URL(request.url).host,
    profileName: profile.name,
    // The only environment whose key "Copy cURL with real key" may later put into this entry's command.
    profileId: profile.id,
    request: { url: request.url, headers: redactHeaders(request.headers), timeoutMs: settings.timeoutMs },
    ...(rehearsalId === undefined ? {} : { rehearsalId }),
  };
  // The journal write is handed to the database, with its commit requested, before the request leaves; the
  // request does not wait for the commit to be confirmed. A failed journal never held a request back.
  const journal = settings.recordHistory ? (await startJournal(pending, deps)).written : Promise.resolve(undefined);
  // Views hear of a pending entry only once it has been pending a while: a quick request would make every
  // open view re-render twice within milliseconds (a "Pending" flash) and slow the answer it is waiting for.
  const pendingNotice = settings.recordHistory
    ? setTimeout(
        () => void journal.then((error) => error === undefined && deps.announce(pending.id)),
        PENDING_NOTICE_MS,
      )
    : undefined;
  const acted = await act(request, settings.timeoutMs, keyOfAuthorization(request.headers), deps);
  clearTimeout(pendingNotice);
  const journalError = await journal;
  const settled: HistoryEntry = {
    ...pending,
    state: 'settled',
    durationMs: Math.max(0, deps.now() - startedAt),
    response: acted.response,
    outcome: acted.outcome,
    ...(acted.diagnosis === undefined ? {} : { diagnosis: acted.diagnosis }),
  };
  // One task later, so the reply is posted before the settled entry is serialised for the store.
  const stored = delay(0)
    .then(() => settle(settled, journalError === undefined, settings, deps))
    .finally(() => {
      void deps.rememberChatId(profile.id, request.chatId).catch(() => undefined);
    });
  return { reply: { ok: true, entry: settled, storeError: journalError }, stored, handles: acted.handles };
}

const storeErrorOf = (error: unknown) => `History could not be saved: ${describe(error)}`;

/** Stores the settled entry over its journal entry, or anew if that was not stored; the error, in words, if any. */
async function storeSettled(
  entry: HistoryEntry,
  journalStored: boolean,
  deps: WorkerDeps,
): Promise<string | undefined> {
  const write = journalStored ? deps.history.replace(entry) : deps.history.put(entry);
  return write.then(() => undefined, storeErrorOf);
}

/**
 * Resolves once the pending entry's write has been issued; `written` settles when it has completed, with the
 * storage error in words if it failed (it never rejects, so nothing goes unhandled meanwhile).
 */
async function startJournal(entry: HistoryEntry, deps: WorkerDeps): Promise<{ written: Promise<string | undefined> }> {
  try {
    const { written } = await deps.history.journal(entry);
    return { written: written.then(() => undefined, storeErrorOf) };
  } catch (error) {
    return { written: Promise.resolve(storeErrorOf(error)) };
  }
}

async function settle(
  settled: HistoryEntry,
  journalStored: boolean,
  settings: Settings,
  deps: WorkerDeps,
): Promise<void> {
  if (!settings.recordHistory) return;
  // Other views refresh their lists on this notice; it waits a frame so that the view that fired paints
  // its answer before every open view starts re-rendering.
  const [storeError] = await Promise.all([storeSettled(settled, journalStored, deps), delay(SETTLED_NOTICE_MS)]);
  deps.announce(settled.id, storeError);
  // Eviction is housekeeping: if it fails, the store is failing, which this request's own writes have
  // already reported; the next request trims again.
  const evicted = await deps.history.trimTo(settings.historyCap).catch((error: unknown) => {
    console.warn('Linq Typing Inspector: history not trimmed this time', error);
    return 0;
  });
  if (evicted > 0) deps.announce();
}

export async function typingRequest(
  operation: TypingOperation,
  chatIdInput: string,
  deps: WorkerDeps,
  options?: TypingOptions,
): Promise<TypingReply> {
  return (await runTypingRequest(operation, chatIdInput, deps, options)).reply;
}

export const stopTyping = (chatId: string, deps: WorkerDeps, settingsUnchanged?: boolean) =>
  typingRequest('typing.stop', chatId, deps, { settingsUnchanged });
export const startTyping = (chatId: string, deps: WorkerDeps, settingsUnchanged?: boolean) =>
  typingRequest('typing.start', chatId, deps, { settingsUnchanged });
