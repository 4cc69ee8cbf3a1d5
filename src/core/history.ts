import * as z from 'zod/mini';
import { RETRY_TEXT, type DecodedOutcome } from './linq/outcome.ts';
import { readStoredTimes, withTimes } from './stored-times.ts';
import { ChatFacts } from './check/facts.ts';

/**
 * One history entry: what was asked, what came back, and what it means. It never holds the key or the
 * Authorization header (the request headers are stored redacted).
 */
const Header = z.tuple([z.string(), z.string()]);

export const DecodedSchema = z.object({
  kind: z.enum(['success', 'linq_error', 'http_failure', 'network', 'timeout', 'interrupted']),
  summary: z.string(),
  status: z.optional(z.number()),
  code: z.optional(z.number()),
  documented: z.optional(z.boolean()),
  meaning: z.optional(z.string()),
  category: z.optional(z.string()),
  retry: z.enum(['no', 'yes', 'sometimes', 'after_retry_after']),
  retryText: z.string(),
  hint: z.string(),
  docUrl: z.optional(z.string()),
  serverMessage: z.optional(z.string()),
  traceId: z.optional(z.string()),
  retryAfterSeconds: z.optional(z.number()),
  note: z.optional(z.string()),
});

export const HistoryEntrySchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  durationMs: z.optional(z.number()),
  state: z.enum(['pending', 'settled', 'interrupted']),
  operation: z.enum(['typing.start', 'typing.stop', 'chat.check']),
  method: z.enum(['POST', 'DELETE', 'GET']),
  /** Shared by the start and the stop of one "Start, then stop" rehearsal. */
  rehearsalId: z.optional(z.string()),
  chatId: z.string(),
  baseUrlHost: z.string(),
  /** The environment it was sent from. */
  profileName: z.optional(z.string()),
  /** That environment's id: the only key "Copy cURL with real key" may use for this entry. */
  profileId: z.optional(z.string()),
  /** Set on entries that came from an imported file: they were not sent from here. */
  imported: z.optional(z.boolean()),
  /** Set only as a record is read, never stored: why its times are impossible (core/stored-times.ts). */
  damaged: z.optional(z.string()),
  request: z.object({ url: z.string(), headers: z.array(Header), timeoutMs: z.number() }),
  response: z.optional(
    z.object({
      status: z.number(),
      statusText: z.string(),
      headers: z.array(Header),
      bodyPreview: z.string(),
      bodyTruncated: z.boolean(),
    }),
  ),
  outcome: z.optional(DecodedSchema),
  /** A Check chat's facts (src/core/check/facts.ts): derived from the answers, never handles or message text. */
  diagnosis: z.optional(ChatFacts),
});

export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/**
 * A stored record as a HistoryEntry, or undefined when it does not fit the schema. Impossible times do not
 * make it unfit: it is read as a damaged entry (`damaged` says why), so it stays listed, counted and clearable.
 */
export function parseHistoryEntry(record: unknown): HistoryEntry | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const times = readStoredTimes(record);
  // The schema checks everything else; a damaged record is checked with a date it accepts in place of its own.
  const checkable = times.damaged === undefined ? record : withTimes(record, { ...times, startedAt: 0 });
  const parsed = HistoryEntrySchema.safeParse(checkable);
  if (!parsed.success) return undefined;
  return times.damaged === undefined && parsed.data.damaged === undefined ? parsed.data : withTimes(parsed.data, times);
}
// Compile-time check that the schema and the decoder agree on the outcome's shape: a mismatch fails tsc.
type Assert<T extends true> = T;
export type DecodedMatchesSchema = Assert<DecodedOutcome extends z.infer<typeof DecodedSchema> ? true : false>;

/** The outcome given to a request whose worker was stopped before it settled. */
export function interruptedOutcome(): DecodedOutcome {
  return {
    kind: 'interrupted',
    summary: 'Interrupted · result unknown',
    retry: 'yes',
    retryText: RETRY_TEXT.yes,
    hint: 'The extension stopped (the browser ended its service worker, or it was reloaded) before an answer was recorded. The request may or may not have reached Linq. Retry to find out.',
  };
}

export function markInterrupted(entry: HistoryEntry): HistoryEntry {
  return { ...entry, state: 'interrupted', outcome: interruptedOutcome() };
}
