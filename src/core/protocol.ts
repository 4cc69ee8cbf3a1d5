import * as z from 'zod/mini';
import { HistoryEntrySchema } from './history.ts';
import { REHEARSAL_LIMITS } from './linq/settings-rules.ts';
import { HANDLE_MAX } from './check/chat-shape.ts';
import { PARTICIPANTS_MAX } from './check/limits.ts';

/**
 * Every message between the views and the worker, declared once. Senders build them from these types,
 * receivers parse them with these schemas; nothing else crosses a context boundary.
 */

// A chat ID is checked properly by the worker; this bound only stops absurd payloads early.
const CHAT_ID_MAX = 20_000;

/**
 * `settingsUnchanged`: the view has neither written nor heard of a change to the settings or keys since its
 * last request, so the worker may reuse what it read then (src/platform/request-config.ts).
 */
export const TypingMessage = z.object({
  chatId: z.string().check(z.maxLength(CHAT_ID_MAX)),
  settingsUnchanged: z.optional(z.boolean()),
});
/** Start typing, wait, then stop: the worker runs all of it, so closing the popup cannot skip the stop. */
export const RehearseMessage = z.object({
  chatId: z.string().check(z.maxLength(CHAT_ID_MAX)),
  seconds: z.int().check(z.gte(REHEARSAL_LIMITS.min), z.lte(REHEARSAL_LIMITS.max)),
});
/** For a request that carries nothing but its type. */
const NoFields = z.object({});
/**
 * An export file goes to the worker as an object URL of the file the operator chose (`blob:` at the extension's
 * own origin), which the worker reads, checks and stores; a view follows the job with history.importStatus. As
 * entries in messages, 100,000 cost the panel 5 s of JSON and each entry was checked twice; as text in 4 MiB
 * pieces, the sending alone took about 5 s.
 */
const ImportJobId = z.string().check(z.minLength(1), z.maxLength(64));
export const ImportFileMessage = z.object({ job: ImportJobId, url: z.string().check(z.maxLength(200)) });
export const ImportFileReply = z.object({ ok: z.boolean(), message: z.optional(z.string()) });
/** `cancel`: stop at the next chunk; nothing of the file is kept. */
export const ImportStatusMessage = z.object({ job: ImportJobId, cancel: z.optional(z.boolean()) });
export const ImportPhase = z.enum(['reading', 'checking', 'storing', 'done', 'unknown']);
export const ImportStatusReply = z.object({
  /** "unknown": the worker has no such job (it was restarted, or the job ended long ago). */
  phase: ImportPhase,
  /** Entries checked so far. */
  done: z.number(),
  total: z.number(),
  imported: z.number(),
  /** Ids that were stored already: skipped, never overwritten. */
  present: z.number(),
  /** Entries left out because the history limit was reached: an import never evicts. */
  overLimit: z.number(),
  /** Cancel was pressed before the file was committed: nothing of it was kept. */
  cancelled: z.optional(z.literal(true)),
  /** The file was refused: nothing was stored. */
  refused: z.optional(z.string()),
  /** Storing failed: nothing of the file was kept. */
  failed: z.optional(z.string()),
});
export type ImportStatus = z.infer<typeof ImportStatusReply>;

export const FieldSchema = z.enum(['apiKey', 'chatId', 'baseUrl']);

/** The answer to a start or a stop. */
export const TypingReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    entry: HistoryEntrySchema,
    /** Set when the result could not be stored: the operator still sees the result. */
    storeError: z.optional(z.string()),
  }),
  z.object({
    ok: z.literal(false),
    /** Set when the problem belongs to one field, so the view can show it there. */
    field: z.optional(FieldSchema),
    message: z.string(),
  }),
]);
export type TypingReply = z.infer<typeof TypingReply>;

/** The answer to Check chat: a typing reply, and the participants' handles for the asking view only (never stored). */
export const CheckReply = z.union([
  z.object({
    ok: z.literal(true),
    entry: HistoryEntrySchema,
    storeError: z.optional(z.string()),
    handles: z.optional(z.array(z.string().check(z.maxLength(HANDLE_MAX))).check(z.maxLength(PARTICIPANTS_MAX))),
  }),
  z.object({ ok: z.literal(false), field: z.optional(FieldSchema), message: z.string() }),
]);
export type CheckReply = z.infer<typeof CheckReply>;

export const RehearseReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    start: HistoryEntrySchema,
    stop: z.optional(HistoryEntrySchema),
    storeError: z.optional(z.string()),
  }),
  z.object({ ok: z.literal(false), field: z.optional(FieldSchema), message: z.string() }),
]);
export type RehearseReply = z.infer<typeof RehearseReply>;

export const ClearHistoryReply = z.object({ ok: z.boolean(), message: z.optional(z.string()) });
export type ClearHistoryReply = z.infer<typeof ClearHistoryReply>;

export const PingReply = z.object({ ok: z.literal(true) });

/**
 * Every request a view sends the worker, by type: its message (the fields besides `type`) and its reply.
 * Adding one is an entry here and its handler in src/background/index.ts; views send it with `ask`.
 */
export const REQUESTS = {
  'typing.stop': { message: TypingMessage, reply: TypingReply },
  'typing.start': { message: TypingMessage, reply: TypingReply },
  'typing.rehearse': { message: RehearseMessage, reply: RehearseReply },
  /** Check chat (src/background/chat-check.ts): GET the chat and its latest messages, and diagnose. */
  'chat.check': { message: TypingMessage, reply: CheckReply },
  'history.clear': { message: NoFields, reply: ClearHistoryReply },
  'history.import': { message: ImportFileMessage, reply: ImportFileReply },
  'history.importStatus': { message: ImportStatusMessage, reply: ImportStatusReply },
  /** Wakes the worker, which reconciles interrupted entries at start; views send it when they open. */
  'worker.ping': { message: NoFields, reply: PingReply },
} as const;
export type RequestType = keyof typeof REQUESTS;
/** What a request of this type carries besides its type (zod infers `z.object({})` as Record<string, never>). */
export type RequestMessage<T extends RequestType> = NoIndex<z.infer<(typeof REQUESTS)[T]['message']>>;
type NoIndex<Fields> = Fields extends Record<string, never> ? Record<never, never> : Fields;
export type RequestReply<T extends RequestType> = z.infer<(typeof REQUESTS)[T]['reply']>;
/** A view's way to send one: the reply as its type's schema parsed it, or undefined when none parsed. */
export type Ask = <T extends RequestType>(type: T, message: RequestMessage<T>) => Promise<RequestReply<T> | undefined>;

/** A request as it travels: `{type, ...message}`. */
export type WorkerRequest = { [T in RequestType]: { type: T } & RequestMessage<T> }[RequestType];
/**
 * Every entry's message with its `type`: the one schema the worker parses requests with. Built from the
 * table at run time, so its type is stated (above) rather than inferred.
 */
export const WorkerRequest = z.discriminatedUnion(
  'type',
  Object.entries(REQUESTS).map(([type, { message }]) =>
    z.extend(message as z.ZodMiniObject, { type: z.literal(type) }),
  ) as unknown as [z.ZodMiniObject],
) as unknown as z.ZodMiniType<WorkerRequest>;

/** A request on a view's port: the `id` pairs it with its reply, as a port has no reply of its own. */
export const PortRequest = z.object({ id: z.int().check(z.gte(0)), request: WorkerRequest });
export type PortRequest = z.infer<typeof PortRequest>;
/** The worker's answer on the port; `reply` is then parsed with the schema of the request's own reply. */
export const PortReply = z.object({ id: z.int().check(z.gte(0)), reply: z.unknown() });
export type PortReply = z.infer<typeof PortReply>;

/**
 * From the selection script in a web page (src/platform/page/selection-watch.ts) to the worker, the one
 * message a page may send: the chat UUID in the page's selection, or none. It commands nothing; the
 * worker only shows or hides its menu item (src/core/page-menu.ts).
 */
export const PageSelectionMessage = z.object({
  type: z.literal('page.selection'),
  chatId: z.optional(z.string().check(z.maxLength(36))),
});
export type PageSelectionMessage = z.infer<typeof PageSelectionMessage>;

/** Broadcast to every open view after the history changes. */
export const HistoryChanged = z.object({
  type: z.literal('history.changed'),
  entryId: z.optional(z.string()),
  /** How many entries there are now, when the worker knows it, so views need not count. */
  total: z.optional(z.number()),
  /** Set when that entry could not be stored: the view that fired it shows why beside its result. */
  storeError: z.optional(z.string()),
});
export type HistoryChanged = z.infer<typeof HistoryChanged>;
