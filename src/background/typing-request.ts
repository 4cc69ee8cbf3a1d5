import { decodeOutcome } from '../core/linq/decode.ts';
import { buildTypingRequest, redactHeaders, type TypingOperation } from '../core/linq/request.ts';
import type { HistoryEntry } from '../core/history.ts';
import type { RawOutcome } from '../core/linq/outcome.ts';
import type { StopTypingReply } from '../core/protocol.ts';
import { activeProfile } from '../core/settings.ts';
import type { WorkerDeps } from './deps.ts';

function responsePart(raw: RawOutcome): HistoryEntry['response'] {
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

/**
 * Journal, act, settle (DESIGN §1): the entry is stored as pending before the request leaves, so a worker
 * stopped mid-flight leaves a trace that reconcile turns into "interrupted". If the store fails, the request
 * still runs and the operator still gets its result, with the storage error beside it.
 */
export async function typingRequest(
  operation: TypingOperation,
  chatIdInput: string,
  deps: WorkerDeps,
  rehearsalId?: string,
): Promise<StopTypingReply> {
  await deps.ready;
  const { settings, apiKey } = await deps.loadRequestConfig();
  const profile = activeProfile(settings);
  const built = buildTypingRequest({ operation, baseUrl: profile.baseUrl, chatId: chatIdInput, apiKey });
  if (!built.ok) return { ok: false, field: built.field, message: built.reason };
  const { request } = built;
  if (!(await deps.hasHostAccess(request.url))) {
    return {
      ok: false,
      field: 'baseUrl',
      message: `The extension has no access to ${new URL(request.url).host}. Use "Grant access" first.`,
    };
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
    request: { url: request.url, headers: redactHeaders(request.headers), timeoutMs: settings.timeoutMs },
    ...(rehearsalId === undefined ? {} : { rehearsalId }),
  };
  const storeErrors: string[] = [];
  const record = async (entry: HistoryEntry) => {
    if (!settings.recordHistory) return;
    try {
      await deps.history.put(entry);
    } catch (error) {
      storeErrors.push(describe(error));
    }
    deps.announce(entry.id);
  };

  await record(pending);
  void deps.rememberChatId(profile.id, request.chatId).catch(() => undefined);
  const raw = await deps.send(request, settings.timeoutMs);
  const settled: HistoryEntry = {
    ...pending,
    state: 'settled',
    durationMs: Math.max(0, deps.now() - startedAt),
    response: responsePart(raw),
    outcome: decodeOutcome(raw, operation),
  };
  await record(settled);
  // Eviction is housekeeping, not part of the answer: it runs after the reply. If it fails, the store is
  // failing, which this request's own writes have already reported; the next request trims again.
  if (settings.recordHistory) {
    void deps.history.trimTo(settings.historyCap).then(
      (evicted) => evicted > 0 && deps.announce(),
      (error: unknown) => console.warn('Linq Typing Inspector: history not trimmed this time', error),
    );
  }
  const storeError = storeErrors.length > 0 ? `History could not be saved: ${storeErrors[0]}` : undefined;
  return { ok: true, entry: settled, storeError };
}

export const stopTyping = (chatId: string, deps: WorkerDeps) => typingRequest('typing.stop', chatId, deps);
export const startTyping = (chatId: string, deps: WorkerDeps) => typingRequest('typing.start', chatId, deps);
