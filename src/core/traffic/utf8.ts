/**
 * UTF-8 bytes as text, bad bytes as U+FFFD. TextDecoder is a WHATWG API that every runtime core runs in has
 * (extension pages, the service worker, Node), like TextEncoder; src/core/portable-globals.d.ts does not
 * declare it, so it is typed here, narrowly.
 */
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
type Utf8DecoderClass = new (label: 'utf-8') => Utf8Decoder;

const decoder = new (globalThis as unknown as { TextDecoder: Utf8DecoderClass }).TextDecoder('utf-8');

export function utf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
