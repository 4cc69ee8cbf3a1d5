/** The first chat UUID inside free text (a page selection, a log line), lower-cased; undefined if none. */
const UUID_IN_TEXT = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

export function findChatId(text: string): string | undefined {
  return UUID_IN_TEXT.exec(text)?.[0].toLowerCase();
}
