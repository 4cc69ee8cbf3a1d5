/** Which requests the mock treats as typing calls or the chat check's GETs, and whether they carry a usable key. */

const TYPING_ROUTE = /^(.*)\/v3\/chats\/([^/]+)\/typing$/;

const CHAT_ROUTE = /^(.*)\/v3\/chats\/([^/]+)(\/messages)?$/;

/** `<any base>/v3/chats/{chatId}` or `…/messages`: the chat check's two GETs; the chat ID decoded and lowercased. */
export function chatResource(path: string): { chatId: string; endpoint: 'chat' | 'messages' } | undefined {
  const match = CHAT_ROUTE.exec(path);
  const segment = match?.[2];
  if (segment === undefined) return undefined;
  return { chatId: decodedSegment(segment), endpoint: match?.[3] === undefined ? 'chat' : 'messages' };
}

function decodedSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Malformed percent-encoding: look the segment up as sent.
  }
  return decoded.toLowerCase();
}

/** The raw path of a request URL: everything before `?` or `#`. */
export function rawPath(url: string | undefined): string {
  return (url ?? '/').split(/[?#]/, 1)[0] ?? '/';
}

/** The chat ID of `<any base>/v3/chats/{chatId}/typing`, percent-decoded and lowercased; undefined otherwise. */
export function typingChatId(path: string): string | undefined {
  const segment = TYPING_ROUTE.exec(path)?.[2];
  return segment === undefined ? undefined : decodedSegment(segment);
}

/** `Authorization: Bearer <non-empty>`; the scheme is case-insensitive, as in HTTP. */
export function hasBearer(authorization: string | undefined): boolean {
  if (authorization === undefined) return false;
  const token = /^Bearer[ \t]+(.*)$/i.exec(authorization)?.[1];
  return token !== undefined && token.trim() !== '';
}
