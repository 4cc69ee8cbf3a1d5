/**
 * Server text is untrusted. The UI renders it as text (never as markup), and this makes it safe to read too:
 * control characters and bidi overrides, which can disguise what a string says, become visible escapes.
 * CR and LF are escaped too: the views show server text with pre-wrap, where a raw line break in a message
 * would start a forged line (e.g. "error\r\nX-Injected: yes"). Only the tab is left as it is.
 */
// Every Unicode Bidi_Control character (U+061C, U+200E-F, U+202A-E, U+2066-9) is escaped: U+061C alone turns
// "12-34-56" into "56-34-12" on screen. So are the fillers that render as nothing (Hangul fillers U+115F,
// U+1160, U+3164, U+FFA0; U+180E) and the interlinear annotation marks U+FFF9-B, which hide text between them.
const INVISIBLE = new RegExp(
  [
    '[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f', // C0 but the tab, DEL, C1
    '\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff', // bidi, zero-width, word joiners, BOM
    '\\u115f\\u1160\\u180e\\u3164\\uffa0\\ufff9-\\ufffb]', // fillers, annotation marks
  ].join(''),
  'g',
);

export function sanitizeText(value: string, maxLength: number): string {
  const visible = value.replace(INVISIBLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
  return visible.length > maxLength ? `${visible.slice(0, maxLength)}…` : visible;
}

export function sanitizeOptional(value: unknown, maxLength: number): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : sanitizeText(value, maxLength);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
