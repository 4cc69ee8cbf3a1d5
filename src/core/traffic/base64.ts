/**
 * Base64 (standard or URL-safe, whitespace ignored) decoded to at most `maxBytes` bytes: a HAR body or a
 * DevTools response may be megabytes, and only its start is ever kept. Written out rather than atob, which
 * would decode all of it first and is not declared for core.
 */
const VALUES = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((ch, value) => (VALUES[ch.charCodeAt(0)] = value));
VALUES['-'.charCodeAt(0)] = 62;
VALUES['_'.charCodeAt(0)] = 63;

const WHITESPACE = /\s/;

export type Base64Prefix = { ok: true; bytes: Uint8Array; cut: boolean } | { ok: false };

export function decodeBase64Prefix(encoded: string, maxBytes: number): Base64Prefix {
  const bytes = new Uint8Array(Math.min(maxBytes, Math.ceil((encoded.length * 3) / 4)));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let i = 0;
  for (; i < encoded.length && length < bytes.length; i += 1) {
    const code = encoded.charCodeAt(i);
    const value = code < 128 ? (VALUES[code] ?? -1) : -1;
    if (value < 0) {
      if (encoded[i] === '=') break;
      if (WHITESPACE.test(encoded[i]!)) continue;
      return { ok: false };
    }
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length] = (buffer >> bits) & 0xff;
      length += 1;
    }
  }
  // Cut when encoded data is left after the last byte kept (padding and whitespace are not data).
  const cut = length === bytes.length && /[^=\s]/.test(encoded.slice(i));
  return { ok: true, bytes: bytes.subarray(0, length), cut };
}
