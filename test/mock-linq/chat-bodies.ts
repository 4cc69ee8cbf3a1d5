/**
 * The bodies the mock answers GET /v3/chats/{chatId} and GET /v3/chats/{chatId}/messages with, typed against the
 * SDK's own `Chat` and `Message` (generated from Linq's OpenAPI spec): a shape drift in the SDK fails
 * `npm run typecheck` here. Times are relative to the request, so "a minute old" stays true.
 */
import type { Chat } from '@linqapp/sdk/resources/chats/chats';
import type { Message } from '@linqapp/sdk/resources/messages';
import type { ChatHandle, ServiceType } from '@linqapp/sdk/resources/shared';

/** The SDK types `next_cursor` as a string; the chats list documents null as "no further page". */
export interface MessagesPage {
  messages: Message[];
  next_cursor: string | null;
}

export const MOCK_OWN_NUMBER = '+12223334444';
export const MOCK_THEIR_NUMBER = '+14155554444';

const iso = (now: number, secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();

export function handle(now: number, number: string, service: ServiceType, more: Partial<ChatHandle> = {}): ChatHandle {
  return {
    id: `7e1a2b3c-0000-4000-8000-${number.replace(/\D/g, '').padStart(12, '0').slice(-12)}`,
    handle: number,
    joined_at: iso(now, 86_400),
    service,
    is_me: number === MOCK_OWN_NUMBER,
    left_at: null,
    status: 'active',
    ...more,
  };
}

export interface ChatOptions {
  isGroup?: boolean;
  service?: ServiceType;
  handles?: ChatHandle[];
  health?: Chat.HealthStatus['status'];
}

export function chatBody(chatId: string, now: number, options: ChatOptions = {}): Chat {
  const service = options.service ?? 'iMessage';
  const health = options.health ?? 'HEALTHY';
  return {
    id: chatId,
    created_at: iso(now, 86_400),
    updated_at: iso(now, 60),
    display_name: null,
    handles: options.handles ?? [handle(now, MOCK_OWN_NUMBER, service), handle(now, MOCK_THEIR_NUMBER, service)],
    health_status: {
      status: health,
      doc_url: `https://docs.linqapp.com/guides/chats/chat-health#${health.toLowerCase().replaceAll('_', '-')}`,
      updated_at: iso(now, 3600),
    },
    is_archived: false,
    is_group: options.isGroup ?? false,
    group_chat_icon: null,
    service,
  } satisfies Chat;
}

/** One message per age (seconds before `now`), newest first; the text is the mock's own, never an operator's. */
export function messagesPage(
  chatId: string,
  now: number,
  agesS: readonly number[],
  service: ServiceType = 'iMessage',
): MessagesPage {
  return {
    messages: agesS.map((age, i): Message => ({
      id: `5c0d1e2f-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      chat_id: chatId,
      created_at: iso(now, age),
      updated_at: iso(now, age),
      delivery_status: 'delivered',
      is_delivered: true,
      is_from_me: i % 2 === 0,
      is_read: false,
      from_handle: handle(now, i % 2 === 0 ? MOCK_OWN_NUMBER : MOCK_THEIR_NUMBER, service),
      parts: [{ type: 'text', value: `mock message ${i + 1}`, reactions: null }],
      service,
    })),
    next_cursor: null,
  };
}
