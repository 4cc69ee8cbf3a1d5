import type { HistoryEntry } from '../history.ts';
import { BODY_PREVIEW_MAX, HEADER_NAME_MAX, HEADER_VALUE_MAX } from '../linq/body-limit.ts';
import { checkChatId } from '../linq/chat-id.ts';
import { RETRY_AFTER_MAX_S } from '../linq/retry-after.ts';
import { isSafeDocUrl } from '../linq/doc-url.ts';
import { checkBaseUrl } from '../linq/settings-rules.ts';
import { sanitizeText } from '../linq/text.ts';
import { credentialFree } from '../traffic/redact.ts';

/**
 * An imported history file is hostile input: anyone can write one and send it. Each entry must describe a
 * request this extension could have sent (a chat UUID, an allowed Base URL, sane times), and every string in
 * it gets the limits and escapes that server text gets, so nothing in a file can reach a snippet, a view or
 * a date formatter that our own requests could not.
 */

/** The earliest believable entry: long before this extension existed, long after any clock's epoch bug. */
export const IMPORT_EARLIEST = Date.UTC(2020, 0, 1);
/** Clock skew tolerated between the exporting computer and this one. */
export const IMPORT_CLOCK_SKEW_MS = 5 * 60_000;
/** No request waits longer than its timeout (at most 29 s); an hour leaves room for any clock jump. */
export const IMPORT_DURATION_MAX_MS = 60 * 60_000;
const TIMEOUT_MAX_MS = 60_000;
const HEADERS_MAX = 64;
const ID_MAX = 128;
const SHORT_TEXT_MAX = 200;
const MESSAGE_MAX = 500;
const TRACE_MAX = 128;
const HINT_MAX = 2000;
const PROFILE_NAME_MAX = 100;
const PRINTABLE_ID = /^[\x21-\x7e]+$/;

export type EntryCheck = { ok: true; entry: HistoryEntry } | { ok: false; reason: string };

const intIn = (value: unknown, min: number, max: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const finiteIn = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

/** Server-like text: escaped and bounded as the decoder does for a response. */
const text = (value: string, max: number) => sanitizeText(value, max);
const optionalText = (value: string | undefined, max: number) => (value === undefined ? undefined : text(value, max));
/** A body keeps its line breaks (it is shown pre-formatted) but nothing else invisible, and at most 16 KiB. */
function bodyText(value: string): { body: string; cut: boolean } {
  const cut = value.length > BODY_PREVIEW_MAX;
  const bounded = cut ? value.slice(0, BODY_PREVIEW_MAX) : value;
  if (!bounded.includes('\n')) return { body: text(bounded, BODY_PREVIEW_MAX), cut };
  return {
    body: bounded
      .split(/(\r?\n)/)
      .map((part, i) => (i % 2 === 1 ? part : text(part, BODY_PREVIEW_MAX)))
      .join(''),
    cut,
  };
}
/** A file may hold someone's key or session in its headers, which must not be stored or shown. */
const headers = (pairs: Array<[string, string]>): Array<[string, string]> =>
  pairs.map(([name, value]) => [text(name, HEADER_NAME_MAX), text(credentialFree(name, value), HEADER_VALUE_MAX)]);

/**
 * A Base URL's host when the rules allow it exactly as written, else undefined. Parsing URLs was the costliest
 * import check, and a file names few Base URLs, so each is checked once (a file of distinct ones only refills).
 */
const baseHosts = new Map<string, string | undefined>();
function allowedBaseHost(base: string): string | undefined {
  if (baseHosts.has(base)) return baseHosts.get(base);
  const checked = checkBaseUrl(base);
  const host = checked.ok && checked.value === base ? new URL(base).host : undefined;
  if (baseHosts.size >= 64) baseHosts.clear();
  baseHosts.set(base, host);
  return host;
}

const OPERATION_METHODS: Record<HistoryEntry['operation'], HistoryEntry['method']> = {
  'typing.stop': 'DELETE',
  'typing.start': 'POST',
  'chat.check': 'GET',
};

/** Why the entry's request is not one this extension sends, or undefined when it is. */
function requestProblem(entry: HistoryEntry): string | undefined {
  const chat = checkChatId(entry.chatId);
  if (!chat.ok || chat.chatId !== entry.chatId) return 'its chatId is not a lower-case chat UUID';
  if (entry.method !== OPERATION_METHODS[entry.operation]) return 'its method does not match its operation';
  const suffix = `/v3/chats/${entry.chatId}${entry.operation === 'chat.check' ? '' : '/typing'}`;
  const { url } = entry.request;
  if (!url.endsWith(suffix)) return `its request URL does not end with ${suffix}`;
  const host = allowedBaseHost(url.slice(0, -suffix.length));
  if (host === undefined) return 'its request URL does not start with an allowed Base URL';
  if (host !== entry.baseUrlHost) return "its baseUrlHost is not its request URL's host";
  if (entry.request.headers.length > HEADERS_MAX) return `it has more than ${HEADERS_MAX} request headers`;
  if (!finiteIn(entry.request.timeoutMs, 0, TIMEOUT_MAX_MS)) return 'its timeoutMs is out of range';
  return undefined;
}

function numbersProblem(entry: HistoryEntry, now: number): string | undefined {
  if (!finiteIn(entry.startedAt, IMPORT_EARLIEST, now + IMPORT_CLOCK_SKEW_MS)) {
    return 'its startedAt is not a date between 2020 and now';
  }
  if (entry.durationMs !== undefined && !finiteIn(entry.durationMs, 0, IMPORT_DURATION_MAX_MS)) {
    return 'its durationMs is not between 0 and one hour';
  }
  const { response, outcome } = entry;
  if (response && !intIn(response.status, 100, 599)) return 'its response status is not an HTTP status';
  if (response && response.headers.length > HEADERS_MAX) return `it has more than ${HEADERS_MAX} response headers`;
  if (outcome?.status !== undefined && !intIn(outcome.status, 100, 599))
    return 'its outcome status is not an HTTP status';
  if (outcome?.code !== undefined && !intIn(outcome.code, 0, 99_999)) return 'its error code is out of range';
  if (outcome?.retryAfterSeconds !== undefined && !finiteIn(outcome.retryAfterSeconds, 0, RETRY_AFTER_MAX_S)) {
    return 'its retryAfterSeconds is not between 0 and one hour';
  }
  if (entry.diagnosis !== undefined && entry.operation !== 'chat.check')
    return 'it has a diagnosis but is no chat check';
  return undefined;
}

/**
 * Checks one entry from a file (already shaped by the schema) and returns the copy to store: strings escaped
 * and bounded, an unsafe doc link dropped, the exporting computer's environment id (and any read-time mark)
 * dropped, marked imported.
 */
export function checkImportedEntry(entry: HistoryEntry, now: number): EntryCheck {
  if (entry.id.length > ID_MAX || !PRINTABLE_ID.test(entry.id))
    return { ok: false, reason: 'its id is not short printable text' };
  const problem = requestProblem(entry) ?? numbersProblem(entry, now);
  if (problem) return { ok: false, reason: problem };
  const { profileId: _exportersEnvironment, damaged: _readMark, ...rest } = entry;
  const cleaned: HistoryEntry = {
    ...rest,
    imported: true,
    profileName: optionalText(entry.profileName, PROFILE_NAME_MAX),
    rehearsalId:
      entry.rehearsalId !== undefined && entry.rehearsalId.length <= ID_MAX && PRINTABLE_ID.test(entry.rehearsalId)
        ? entry.rehearsalId
        : undefined,
    request: { ...entry.request, headers: headers(entry.request.headers) },
  };
  if (entry.diagnosis) {
    const { healthDocUrl, ...facts } = entry.diagnosis;
    cleaned.diagnosis = isSafeDocUrl(healthDocUrl) ? { ...facts, healthDocUrl } : facts;
  }
  if (entry.response) {
    // A chat check never keeps a chat's body (it names the participants); nor does a file's copy of one.
    const { body, cut } = bodyText(
      entry.operation === 'chat.check' && entry.response.status < 300 ? '' : entry.response.bodyPreview,
    );
    cleaned.response = {
      ...entry.response,
      statusText: text(entry.response.statusText, SHORT_TEXT_MAX),
      headers: headers(entry.response.headers),
      bodyPreview: body,
      bodyTruncated: entry.response.bodyTruncated || cut,
    };
  }
  if (entry.outcome) {
    const outcome = entry.outcome;
    cleaned.outcome = {
      ...outcome,
      summary: text(outcome.summary, SHORT_TEXT_MAX),
      meaning: optionalText(outcome.meaning, MESSAGE_MAX),
      category: optionalText(outcome.category, SHORT_TEXT_MAX),
      retryText: text(outcome.retryText, MESSAGE_MAX),
      hint: text(outcome.hint, HINT_MAX),
      docUrl: isSafeDocUrl(outcome.docUrl) ? outcome.docUrl : undefined,
      serverMessage: optionalText(outcome.serverMessage, MESSAGE_MAX),
      traceId: optionalText(outcome.traceId, TRACE_MAX),
      note: optionalText(outcome.note, MESSAGE_MAX),
    };
  }
  return { ok: true, entry: dropUndefined(cleaned) };
}

/**
 * Optional fields stay absent rather than present-and-undefined, so stored entries look like the worker's own.
 * Copied field by field: `delete` turned each entry into a slow dictionary-mode object.
 */
function dropUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) copy[key] = key === 'outcome' ? dropUndefined(field as object) : field;
  }
  return copy as T;
}

/** The id as it may appear in a message: short and escaped. */
export function shownId(id: string): string {
  return text(id, 40);
}
