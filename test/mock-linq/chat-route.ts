/** Answers the chat check's GET chat and GET messages for a chat ID (chat-scenarios.ts says which answer). */
import { chatScenarioFor, HEALTHY_CHAT, type ChatEndpoint } from './chat-scenarios.ts';
import type { RespondContext } from './scenario-types.ts';
import { resolveScenario } from './scenarios.ts';

export function answerChat(endpoint: ChatEndpoint, chatId: string, ctx: RespondContext): string {
  const label = endpoint === 'chat' ? 'GET chat' : 'GET messages';
  const def = chatScenarioFor(chatId);
  if (def) return `${def.name} ${label}: ${def.answer(endpoint, chatId, ctx)}`;
  // Error codes, specials and fault injection answer the GETs as they answer a typing call.
  const scenario = resolveScenario(chatId);
  if (scenario.name !== 'ok') return `${scenario.name} ${label}: ${scenario.respond(ctx)}`;
  return `${label}: ${HEALTHY_CHAT(endpoint, chatId, ctx)}`;
}
