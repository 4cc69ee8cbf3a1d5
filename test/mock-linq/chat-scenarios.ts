/**
 * The chat check's scenarios (`00000000-0000-4000-b000-0000000000NN`): what GET /v3/chats/{chatId} and its
 * messages answer. Typing calls to these chats answer 204, as for any other UUID. Chat IDs of the other
 * scenarios (error codes, specials, fault injection) answer both GETs as they answer a typing call, so
 * 404/2001 and 403/2005 are the codes' own chat IDs; any other UUID is a healthy chat with a recent message.
 */
import {
  chatBody,
  handle,
  messagesPage,
  MOCK_OWN_NUMBER,
  MOCK_THEIR_NUMBER,
  type MessagesPage,
} from './chat-bodies.ts';
import { sendBody, sendJson } from './responses.ts';
import type { RespondContext, Scenario } from './scenario-types.ts';

const CHAT_PREFIX = '00000000-0000-4000-b000-0000000000';

export function chatScenarioId(n: number): string {
  return `${CHAT_PREFIX}${n.toString(16).padStart(2, '0')}`;
}

export type ChatEndpoint = 'chat' | 'messages';

export interface ChatScenarioDef {
  readonly n: number;
  readonly name: string;
  readonly description: string;
  /** Answers one of the two GETs and returns the outcome for logs. */
  answer(endpoint: ChatEndpoint, chatId: string, ctx: RespondContext): string;
}

const json = (ctx: RespondContext, body: unknown, status = 200) => {
  sendJson(ctx.res, status, ctx.traceId, body);
  return `${status} json`;
};

function typed(
  chat: (chatId: string, now: number) => unknown,
  page: (chatId: string, now: number) => MessagesPage | unknown,
): ChatScenarioDef['answer'] {
  return (endpoint, chatId, ctx) =>
    json(ctx, endpoint === 'chat' ? chat(chatId, Date.now()) : page(chatId, Date.now()));
}

const recent = (chatId: string, now: number) => messagesPage(chatId, now, [60, 3600]);

/** The healthy chat, also the answer for any UUID without a scenario. */
export const HEALTHY_CHAT = typed((id, now) => chatBody(id, now), recent);

export const CHAT_SCENARIO_DEFS: readonly ChatScenarioDef[] = [
  {
    n: 0x01,
    name: 'chat-healthy',
    description: 'GET chat: iMessage one-to-one, HEALTHY, both active; messages: the newest 1 minute old',
    answer: HEALTHY_CHAT,
  },
  {
    n: 0x02,
    name: 'chat-group',
    description: 'GET chat: an iMessage group of three (`is_group: true`)',
    answer: typed(
      (id, now) =>
        chatBody(id, now, {
          isGroup: true,
          handles: [
            handle(now, MOCK_OWN_NUMBER, 'iMessage'),
            handle(now, MOCK_THEIR_NUMBER, 'iMessage'),
            handle(now, '+14155550123', 'iMessage'),
          ],
        }),
      recent,
    ),
  },
  {
    n: 0x03,
    name: 'chat-sms',
    description: 'GET chat: an SMS one-to-one (chat and both handles `service: "SMS"`); messages: 1 minute old',
    answer: typed(
      (id, now) => chatBody(id, now, { service: 'SMS' }),
      (id, now) => messagesPage(id, now, [60], 'SMS'),
    ),
  },
  {
    n: 0x04,
    name: 'chat-stale',
    description: 'GET chat: healthy iMessage one-to-one; messages: the whole chat, the newest 2 hours old',
    answer: typed(
      (id, now) => chatBody(id, now),
      (id, now) => messagesPage(id, now, [7200, 90_000]),
    ),
  },
  {
    n: 0x05,
    name: 'chat-left',
    description: 'GET chat: iMessage one-to-one whose other participant left (`status: "left"`, `left_at`)',
    answer: typed(
      (id, now) =>
        chatBody(id, now, {
          handles: [
            handle(now, MOCK_OWN_NUMBER, 'iMessage'),
            handle(now, MOCK_THEIR_NUMBER, 'iMessage', {
              status: 'left',
              left_at: new Date(now - 600_000).toISOString(),
            }),
          ],
        }),
      recent,
    ),
  },
  {
    n: 0x06,
    name: 'chat-unhealthy',
    description: 'GET chat: iMessage one-to-one with `health_status` CRITICAL and its docs.linqapp.com link',
    answer: typed((id, now) => chatBody(id, now, { health: 'CRITICAL' }), recent),
  },
  // Hostile answers to GET chat: each must end in a diagnosis or a decoded failure, never markup or a foreign link.
  {
    n: 0x11,
    name: 'chat-array',
    description: 'GET chat: 200 with a JSON array (a chat inside it), not an object',
    answer: typed((id, now) => [chatBody(id, now)], recent),
  },
  {
    n: 0x12,
    name: 'chat-wrong-types',
    description:
      'GET chat: 200, every field of the wrong type (`is_group: "no"`, `handles: "all"`, `health_status: []`)',
    answer: typed(
      () => ({ is_group: 'no', service: 42, handles: 'all', health_status: [], display_name: { a: 1 } }),
      () => ({ messages: 'none', next_cursor: { page: 2 } }),
    ),
  },
  {
    n: 0x13,
    name: 'chat-markup',
    description:
      'GET chat: handles and health status carrying markup, bidi overrides and a `javascript:` doc_url; messages dated `<script>`',
    answer: typed(
      (id, now) => ({
        ...chatBody(id, now, { health: 'AT_RISK' }),
        handles: [
          handle(now, MOCK_OWN_NUMBER, 'iMessage'),
          handle(now, '<img src=x onerror="window.__pwned=1">\u202e4444', 'iMessage'),
        ],
        health_status: { status: 'AT_RISK', doc_url: 'javascript:window.__pwned=1', updated_at: 'now' },
      }),
      () => ({ messages: [{ created_at: '<script>window.__pwned=1</script>' }], next_cursor: null }),
    ),
  },
  {
    n: 0x14,
    name: 'chat-foreign-doc',
    description: 'GET chat: `health_status` CRITICAL whose doc_url is https://evil.example/',
    answer: typed(
      (id, now) => ({
        ...chatBody(id, now, { health: 'CRITICAL' }),
        health_status: { status: 'CRITICAL', doc_url: 'https://evil.example/chat-health', updated_at: 'now' },
      }),
      recent,
    ),
  },
  {
    n: 0x15,
    name: 'chat-huge',
    description: 'GET chat: 200 JSON of 2 MiB (a display_name that long): cut at the read limit, so not read',
    answer: (_endpoint, id, ctx) => {
      sendBody(
        ctx.res,
        200,
        ctx.traceId,
        JSON.stringify({ ...chatBody(id, Date.now()), display_name: 'x'.repeat(2 * 1024 * 1024) }),
        'application/json',
      );
      return '200 huge json';
    },
  },
  {
    n: 0x16,
    name: 'chat-html-200',
    description: 'GET chat: 200 with an HTML page (a captive portal), not JSON',
    answer: (_endpoint, _id, ctx) => {
      sendBody(ctx.res, 200, ctx.traceId, '<!DOCTYPE html><title>Sign in</title><h1>Wi-Fi login</h1>', 'text/html');
      return '200 html';
    },
  },
  {
    n: 0x17,
    name: 'chat-messages-500',
    description: 'GET chat: healthy iMessage one-to-one; messages: 500 with an empty body',
    answer: (endpoint, id, ctx) => {
      if (endpoint === 'chat') return json(ctx, chatBody(id, Date.now()));
      sendBody(ctx.res, 500, ctx.traceId);
      return '500 empty';
    },
  },
];

const BY_ID: ReadonlyMap<string, ChatScenarioDef> = new Map(
  CHAT_SCENARIO_DEFS.map((def) => [chatScenarioId(def.n), def]),
);

export function chatScenarioFor(chatId: string): ChatScenarioDef | undefined {
  return BY_ID.get(chatId.toLowerCase());
}

/** What a typing call to a chat-check scenario gets: 204, as any other UUID, under the scenario's name. */
export function typingScenarioOf(def: ChatScenarioDef): Scenario {
  return {
    name: def.name,
    respond: ({ res, traceId }) => {
      sendBody(res, 204, traceId);
      return '204';
    },
  };
}
