import { decodeOutcome } from '../linq/decode.ts';
import type { DecodedOutcome, RawOutcome } from '../linq/outcome.ts';
import type { TypingOperation } from '../linq/request.ts';
import { sanitizeText } from '../linq/text.ts';

/**
 * The decoder's verdict for a captured request. It was written for this extension's typing calls, so its
 * words for a success talk about typing: captured traffic to any other endpoint gets plain ones instead.
 * Errors, failures and envelopes are decoded the same for every request.
 */
const TYPING_PATH = /\/v3\/chats\/[^/]+\/typing\/?$/;

function typingOperation(method: string, path: string): TypingOperation | undefined {
  if (!TYPING_PATH.test(path)) return undefined;
  if (method === 'POST') return 'typing.start';
  return method === 'DELETE' ? 'typing.stop' : undefined;
}

export function trafficOutcome(raw: RawOutcome, method: string, path: string): DecodedOutcome {
  const operation = typingOperation(method, path);
  const decoded = decodeOutcome(raw, operation);
  if (decoded.kind !== 'success' || operation !== undefined) return decoded;
  const { note: _aboutTypingBodies, ...plain } = decoded;
  return {
    ...plain,
    summary: `${decoded.status} · ${sanitizeText(method, 16)} ${sanitizeText(path, 80)}`,
    hint: 'The server accepted the request.',
  };
}
