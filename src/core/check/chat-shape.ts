import * as z from 'zod/mini';

/**
 * The fields the chat check reads from GET /v3/chats/{chatId} and GET /v3/chats/{chatId}/messages, after the
 * SDK's `Chat`, `ChatHandle` and `Message` types. The body comes from whoever answered: every field is
 * optional, a field of the wrong type reads as absent, and extra fields are dropped.
 */
const absentIfWrong = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

export const SERVICES = ['iMessage', 'SMS', 'RCS'] as const;
export const HEALTH_STATUSES = ['HEALTHY', 'AT_RISK', 'CRITICAL', 'OPTED_OUT'] as const;
export const PARTICIPANT_STATUSES = ['active', 'left', 'removed'] as const;

/** An E.164 number or an e-mail address is far shorter; anything longer is not a handle. */
export const HANDLE_MAX = 320;
const DATE_MAX = 64;

const HandleShape = z.object({
  handle: absentIfWrong(z.string().check(z.maxLength(HANDLE_MAX))),
  service: absentIfWrong(z.enum(SERVICES)),
  is_me: absentIfWrong(z.boolean()),
  left_at: absentIfWrong(z.string().check(z.maxLength(DATE_MAX))),
  status: absentIfWrong(z.enum(PARTICIPANT_STATUSES)),
});
export type HandleShape = z.infer<typeof HandleShape>;

export const ChatShape = z.object({
  is_group: absentIfWrong(z.boolean()),
  service: absentIfWrong(z.enum(SERVICES)),
  // A handle that is not an object reads as one of which nothing is known.
  handles: absentIfWrong(z.array(z.catch(HandleShape, {}))),
  health_status: absentIfWrong(
    z.object({
      status: absentIfWrong(z.string().check(z.maxLength(40))),
      doc_url: absentIfWrong(z.string().check(z.maxLength(2048))),
    }),
  ),
});
export type ChatShape = z.infer<typeof ChatShape>;

export const MessagesShape = z.object({
  messages: absentIfWrong(
    z.array(z.catch(z.object({ created_at: absentIfWrong(z.string().check(z.maxLength(DATE_MAX))) }), {})),
  ),
  // Kept as sent: absent, null or "" means there is no further page; anything else, that there may be.
  next_cursor: z.optional(z.unknown()),
});
export type MessagesShape = z.infer<typeof MessagesShape>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The chat as read from a parsed body, or undefined when the body is not a JSON object. */
export function readChat(json: unknown): ChatShape | undefined {
  return isRecord(json) ? ChatShape.parse(json) : undefined;
}

/** The page of messages, or undefined when the body is not an object with a `messages` array. */
export function readMessages(json: unknown): { createdAt: Array<string | undefined>; more: boolean } | undefined {
  if (!isRecord(json)) return undefined;
  const page = MessagesShape.parse(json);
  if (page.messages === undefined) return undefined;
  const cursor = page.next_cursor;
  return {
    createdAt: page.messages.map((message) => message.created_at),
    more: !(cursor === undefined || cursor === null || cursor === ''),
  };
}
