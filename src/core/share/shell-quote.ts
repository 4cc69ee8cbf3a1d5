/**
 * Values written into shell commands and JS source for the operator to paste. Only printable ASCII
 * (0x20-0x7E) reaches the text raw: a control byte in a pasted command acts in the terminal (ESC[201~ ends a
 * bracketed paste, then ^C and a newline run what follows), and bidi or invisible characters hide what it says.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Quotes a value for a POSIX shell: single quotes, with embedded single quotes closed and escaped. A value with
 * any other character becomes bash's $'…' form, every such character written as its UTF-8 bytes in \xHH, so
 * the shell reads back the very same string (bash, zsh, ksh; POSIX sh since 2024).
 */
export function shellQuote(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return `'${value.replaceAll("'", `'\\''`)}'`;
  let quoted = '';
  for (const char of value) {
    if (char === '\\' || char === "'") quoted += `\\${char}`;
    else if (PRINTABLE_ASCII.test(char)) quoted += char;
    else for (const byte of new TextEncoder().encode(char)) quoted += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `$'${quoted}'`;
}

const unicodeEscape = (unit: string): string => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A JS string literal of the value, in printable ASCII only: JSON.stringify escapes control characters but leaves
 * U+2028, bidi controls and every other non-ASCII character raw, so those become \uXXXX (UTF-16 units).
 */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, unicodeEscape);
}
