/**
 * Chat-ID rules: a chat ID is a UUID. Whitespace and quotes around it are forgiven because
 * operators paste IDs out of logs and JSON; anything else is refused with a reason, before sending.
 */
export type ChatIdCheck = { ok: true; chatId: string } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SURROUNDING = /^[\s"'`\u201c\u201d\u2018\u2019]+|[\s"'`\u201c\u201d\u2018\u2019]+$/g;
// Characters that would change the URL's meaning if they ever reached the path.
const URL_SIGNIFICANT: ReadonlyArray<[RegExp, string]> = [
  [/\//, 'a slash ("/")'],
  [/\\/, 'a backslash ("\\")'],
  [/\?/, 'a question mark ("?")'],
  [/#/, 'a hash ("#")'],
  [/%/, 'a percent sign ("%"); paste the ID itself, not a URL-encoded form'],
  [/\./, 'a dot (".")'],
  [/\s/, 'a space or other whitespace'],
];
const EXAMPLE = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

export function checkChatId(input: string): ChatIdCheck {
  const trimmed = input.replace(SURROUNDING, '');
  if (trimmed === '') return { ok: false, reason: 'Enter a chat ID.' };
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    return { ok: false, reason: 'The chat ID contains a control character (such as NUL or a line break).' };
  }
  if (/[^\u0020-\u007e]/.test(trimmed)) {
    return {
      ok: false,
      reason:
        'The chat ID contains a non-ASCII character. Look-alike letters and dashes are not accepted; retype it or copy it again.',
    };
  }
  for (const [pattern, what] of URL_SIGNIFICANT) {
    if (pattern.test(trimmed)) return { ok: false, reason: `The chat ID contains ${what}. A chat ID is a UUID.` };
  }
  if (trimmed.length !== 36) {
    return {
      ok: false,
      reason: `A chat ID is a 36-character UUID like ${EXAMPLE}; this has ${trimmed.length} characters.`,
    };
  }
  if (!UUID.test(trimmed)) return { ok: false, reason: `A chat ID is a UUID like ${EXAMPLE} (hex digits and dashes).` };
  return { ok: true, chatId: trimmed.toLowerCase() };
}
