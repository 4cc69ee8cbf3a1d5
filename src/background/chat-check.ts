import { readChat, readMessages } from '../core/check/chat-shape.ts';
import { activityFacts, chatFacts, type ActivityFacts, type ChatFacts } from '../core/check/facts.ts';
import { CHECK_BODY_MAX, CHECK_MESSAGES_LIMIT, PARTICIPANTS_MAX } from '../core/check/limits.ts';
import { chatFindings, verdictOf } from '../core/check/findings.ts';
import { BODY_PREVIEW_MAX } from '../core/linq/body-limit.ts';
import { decodeOutcome } from '../core/linq/decode.ts';
import { parseJson } from '../core/linq/envelope.ts';
import type { RawOutcome } from '../core/linq/outcome.ts';
import type { TypingRequest } from '../core/linq/request.ts';
import { redactDecoded, redactKnownKey } from '../core/linq/redact-key.ts';
import { sanitizeText } from '../core/linq/text.ts';
import type { CheckReply } from '../core/protocol.ts';
import type { WorkerDeps } from './deps.ts';
import { responsePart, runRequest, type Act } from './typing-request.ts';

/**
 * Check chat: GET the chat and, when typing is not refused anyway, one small page of its messages; sent,
 * journalled and settled like a typing call (typing-request.ts). The bodies are read to derive the facts
 * (core/check/facts.ts) and are not kept: they name the participants and hold message text.
 */

const SHOWN_HANDLE_MAX = 64;

export const BODIES_NOT_KEPT =
  'The response bodies are not kept: they name the participants and hold message text. The diagnosis keeps only what was derived from them.';

type Response = Extract<RawOutcome, { kind: 'response' }>;

const jsonOf = (raw: Response) => (raw.bodyTruncated ? undefined : parseJson(raw.body));

/**
 * The answer as a typing call would have read it: the body cut at the preview limit, and marked cut. A check
 * reads more to parse the chat, but what it decodes and keeps of a failure follows the same rules as any request.
 */
function asPreview(raw: RawOutcome): RawOutcome {
  if (raw.kind !== 'response' || raw.body.length <= BODY_PREVIEW_MAX) return raw;
  return { ...raw, body: raw.body.slice(0, BODY_PREVIEW_MAX), bodyTruncated: true };
}

async function recentActivity(
  chat: TypingRequest,
  timeoutMs: number,
  sentKey: string,
  deps: WorkerDeps,
): Promise<ActivityFacts> {
  const request = { ...chat, url: `${chat.url}/messages?limit=${CHECK_MESSAGES_LIMIT}` };
  const raw = redactKnownKey(await deps.send(request, timeoutMs, CHECK_BODY_MAX), sentKey);
  if (raw.kind !== 'response') return { state: 'unknown', reason: 'request_failed' };
  if (raw.status < 200 || raw.status >= 300) return { state: 'unknown', reason: 'request_failed', status: raw.status };
  const page = readMessages(jsonOf(raw));
  return page ? activityFacts(page, raw.receivedAt) : { state: 'unknown', reason: 'unreadable' };
}

/** The messages help only when nothing already refuses typing. */
function refusedAnyway(facts: ChatFacts): boolean {
  return !facts.readable || chatFindings(facts).some((finding) => finding.level === 'blocker');
}

const checkChat: Act = async (request, timeoutMs, sentKey, deps) => {
  const sent = await deps.send(request, timeoutMs, CHECK_BODY_MAX);
  const raw = redactKnownKey(sent, sentKey);
  // Cut, then redacted as a cut body (a key split by the cut included), exactly as a typing call's.
  const preview = redactKnownKey(asPreview(sent), sentKey);
  const decoded = redactDecoded(decodeOutcome(preview, 'chat.check'), sentKey);
  // A failure (network, timeout, redirect, an error or a page that is not Linq's) is recorded as any request's.
  if (raw.kind !== 'response' || decoded.kind !== 'success')
    return { response: responsePart(preview), outcome: decoded };
  const chat = readChat(jsonOf(raw));
  const facts = chatFacts(chat, raw.bodyTruncated === true);
  if (!refusedAnyway(facts)) facts.activity = await recentActivity(request, timeoutMs, sentKey, deps);
  const verdict = verdictOf(chatFindings(facts));
  return {
    // The response as any request's, its body left out (BODIES_NOT_KEPT).
    response: responsePart({ ...raw, body: '', bodyTruncated: false }),
    outcome: { ...decoded, summary: `${raw.status} · ${verdict}`, hint: `${verdict}.`, note: BODIES_NOT_KEPT },
    diagnosis: facts,
    handles: (chat?.handles ?? [])
      .slice(0, PARTICIPANTS_MAX)
      .map((handle) => sanitizeText(handle.handle ?? '', SHOWN_HANDLE_MAX)),
  };
};

export async function checkChatRequest(
  chatIdInput: string,
  deps: WorkerDeps,
  settingsUnchanged?: boolean,
): Promise<CheckReply> {
  const run = await runRequest('chat.check', chatIdInput, deps, { settingsUnchanged }, checkChat);
  return run.reply.ok && run.handles !== undefined ? { ...run.reply, handles: run.handles } : run.reply;
}
