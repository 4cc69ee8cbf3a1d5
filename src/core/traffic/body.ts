import { BODY_PREVIEW_MAX } from '../linq/body-limit.ts';
import { sanitizeText } from '../linq/text.ts';
import { decodeBase64Prefix } from './base64.ts';
import { utf8Text } from './utf8.ts';

/** A response body cut to the preview bound; `truncated` when there was more. */
export interface BoundedBody {
  text: string;
  truncated: boolean;
}

/**
 * Bytes enough for BODY_PREVIEW_MAX UTF-16 units of any UTF-8 text (at most 4 bytes a unit), so a base64 body
 * is decoded no further than its preview needs.
 */
const BASE64_BYTES_MAX = BODY_PREVIEW_MAX * 4;

/** Text cut to the preview bound; `cut` says it was cut already. */
export function cutToBound(text: string, cut: boolean): BoundedBody {
  if (text.length <= BODY_PREVIEW_MAX) return { text, truncated: cut };
  // Not between the two halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text[BODY_PREVIEW_MAX - 1]!) ? BODY_PREVIEW_MAX - 1 : BODY_PREVIEW_MAX;
  return { text: text.slice(0, end), truncated: true };
}

/** A body as HAR and DevTools give it (text, or base64 when `encoding` says so), bounded. */
export function boundedBody(content: string, encoding?: string): BoundedBody {
  if (encoding?.toLowerCase() === 'base64') {
    const decoded = decodeBase64Prefix(content, BASE64_BYTES_MAX);
    if (decoded.ok) return cutToBound(utf8Text(decoded.bytes), decoded.cut);
    // Not base64 after all: kept as written, so the preview shows what the file holds.
  }
  return cutToBound(content, false);
}

/**
 * The body as it may be shown: line breaks kept (it is shown pre-formatted), every other invisible character
 * escaped as server text is, and still within the bound once escaped.
 */
export function previewText(body: BoundedBody): BoundedBody {
  const shown = body.text
    .split(/(\r?\n)/)
    .map((part, i) => (i % 2 === 1 ? part : sanitizeText(part, BODY_PREVIEW_MAX)))
    .join('');
  return shown === body.text ? body : cutToBound(shown, body.truncated);
}
