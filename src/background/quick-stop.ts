import { badgeFor, noChatIdBadge, type Badge } from '../core/badge.ts';
import { findChatId } from '../core/linq/find-chat-id.ts';
import type { TypingReply } from '../core/protocol.ts';
import type { WorkerDeps } from './deps.ts';
import { stopTyping } from './typing-request.ts';

export interface QuickStopDeps extends WorkerDeps {
  /** The last chat ID of the active environment. */
  loadLastChatId(): Promise<string | undefined>;
  showBadge(badge: Badge): Promise<void>;
}

async function stopAndShow(chatId: string, deps: QuickStopDeps): Promise<TypingReply> {
  const reply = await stopTyping(chatId, deps);
  await deps.showBadge(badgeFor(reply));
  return reply;
}

/** The keyboard command: stop typing in the last chat used, with the outcome on the toolbar badge. */
export async function stopLastChat(deps: QuickStopDeps): Promise<TypingReply | undefined> {
  const chatId = await deps.loadLastChatId();
  if (chatId === undefined) {
    await deps.showBadge(noChatIdBadge());
    return undefined;
  }
  return stopAndShow(chatId, deps);
}

/** The context-menu item: stop typing in the chat whose UUID is inside the selected text. */
export async function stopSelectedChat(selection: string, deps: QuickStopDeps): Promise<TypingReply | undefined> {
  const chatId = findChatId(selection);
  if (chatId === undefined) {
    await deps.showBadge(noChatIdBadge());
    return undefined;
  }
  return stopAndShow(chatId, deps);
}
