import { checkApiKey, checkBaseUrl } from './settings-rules.ts';
import { checkChatId } from './chat-id.ts';

export type TypingOperation = 'typing.start' | 'typing.stop';
export type TypingMethod = 'POST' | 'DELETE';
/** Every kind of request the worker sends: the typing calls and the chat check (src/core/check). */
export type Operation = TypingOperation | 'chat.check';
export type Method = TypingMethod | 'GET';
export const OPERATION_METHOD: Record<TypingOperation, TypingMethod> = {
  'typing.start': 'POST',
  'typing.stop': 'DELETE',
};
export const OPERATION_LABEL: Record<Operation, string> = {
  'typing.start': 'Start typing',
  'typing.stop': 'Stop typing',
  'chat.check': 'Check chat',
};

export interface TypingRequest {
  readonly operation: Operation;
  readonly method: Method;
  readonly url: string;
  readonly chatId: string;
  /** Headers to send. Contains the key: never store or log this object. */
  readonly headers: Readonly<Record<string, string>>;
}

export type FieldName = 'apiKey' | 'chatId' | 'baseUrl';
export type BuildResult = { ok: true; request: TypingRequest } | { ok: false; field: FieldName; reason: string };

/** Validates every input and builds the request; refusing here means nothing is sent. */
export function buildTypingRequest(input: {
  operation: Operation;
  baseUrl: string;
  chatId: string;
  apiKey: string;
}): BuildResult {
  const chat = checkChatId(input.chatId);
  if (!chat.ok) return { ok: false, field: 'chatId', reason: chat.reason };
  const key = checkApiKey(input.apiKey);
  if (!key.ok) return { ok: false, field: 'apiKey', reason: key.reason };
  const base = checkBaseUrl(input.baseUrl);
  if (!base.ok) return { ok: false, field: 'baseUrl', reason: base.reason };
  // A validated UUID has nothing to encode; encoding anyway keeps the path safe if the rules ever loosen.
  const chatUrl = `${base.value}/v3/chats/${encodeURIComponent(chat.chatId)}`;
  const check = input.operation === 'chat.check';
  return {
    ok: true,
    request: {
      operation: input.operation,
      method: input.operation === 'chat.check' ? 'GET' : OPERATION_METHOD[input.operation],
      url: check ? chatUrl : `${chatUrl}/typing`,
      chatId: chat.chatId,
      headers: { Accept: check ? 'application/json' : '*/*', Authorization: `Bearer ${key.value}` },
    },
  };
}

export const REDACTED = '[redacted]';

/** The request's headers as they may be stored and shown: Authorization is replaced, never kept. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.entries(headers).map(([name, value]) =>
    name.toLowerCase() === 'authorization' ? [name, `Bearer ${REDACTED}`] : [name, value],
  );
}
