/** Decides one request's answer: OPTIONS, the demo page, unknown route, missing key, or the chat ID's scenario. */
import type { IncomingMessage } from 'node:http';
import { answerDemo } from './demo-route.ts';
import { sendBody } from './responses.ts';
import { resolveScenario, respondUnauthorised, type RespondContext } from './scenarios.ts';
import { chatResource, hasBearer, rawPath } from './route.ts';
import { answerChat } from './chat-route.ts';

const TYPING_METHODS: ReadonlySet<string> = new Set(['POST', 'DELETE']);

/**
 * Answers `req` and returns the outcome for logs. `chatId` is the decoded chat ID when the path is a
 * typing route. No Access-Control-* header is ever sent: the extension relies on host permissions.
 */
export function answer(req: IncomingMessage, chatId: string | undefined, ctx: RespondContext): string {
  const method = req.method ?? '';
  if (method === 'OPTIONS') {
    sendBody(ctx.res, 204, ctx.traceId);
    return '204 options';
  }
  const demoOutcome = answerDemo(method, rawPath(req.url), ctx);
  if (demoOutcome !== undefined) return demoOutcome;
  const chat = method === 'GET' ? chatResource(rawPath(req.url)) : undefined;
  if (chat !== undefined) {
    if (!hasBearer(req.headers.authorization)) return `${respondUnauthorised(ctx)} (no bearer key)`;
    return answerChat(chat.endpoint, chat.chatId, ctx);
  }
  if (chatId === undefined || !TYPING_METHODS.has(method)) {
    sendBody(ctx.res, 404, ctx.traceId, 'mock-linq: no such route\n', 'text/plain; charset=utf-8');
    return '404 no such route';
  }
  if (!hasBearer(req.headers.authorization)) return `${respondUnauthorised(ctx)} (no bearer key)`;
  const scenario = resolveScenario(chatId);
  const outcome = scenario.respond(ctx);
  return scenario.name === 'ok' ? outcome : `${scenario.name}: ${outcome}`;
}
