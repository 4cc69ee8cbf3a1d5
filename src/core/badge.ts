import type { TypingReply } from './protocol.ts';

/** What the toolbar badge shows after a request fired without a view: OK, the error code, or a short kind. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

const GREEN = '#116329';
const RED = '#a40e26';
const GREY = '#57606a';

const SHORT_KIND: Record<string, string> = {
  http_failure: 'HTTP',
  network: 'NET',
  timeout: 'TIME',
  interrupted: 'INT',
};

export function badgeFor(reply: TypingReply): Badge {
  if (!reply.ok) return { text: '!', color: GREY, title: `Linq Typing Inspector: not sent. ${reply.message}` };
  const outcome = reply.entry.outcome;
  const summary = `Linq Typing Inspector: ${outcome?.summary ?? 'no result'} (chat ${reply.entry.chatId})`;
  if (outcome?.kind === 'success') return { text: 'OK', color: GREEN, title: summary };
  if (outcome?.code !== undefined) return { text: String(outcome.code).slice(0, 4), color: RED, title: summary };
  return { text: SHORT_KIND[outcome?.kind ?? ''] ?? 'ERR', color: RED, title: summary };
}

export function noChatIdBadge(): Badge {
  return {
    text: '?',
    color: GREY,
    title: 'Linq Typing Inspector: no chat ID to use. Fire once from the popup, or select a chat UUID.',
  };
}
