import { boundedBody, type BoundedBody } from './body.ts';

/**
 * A response body from DevTools' `Request.getContent()`, whichever way it arrived: Chrome's callback is called
 * with `(content, encoding)`, webextension-polyfill's promise resolves to `[content, encoding]`. Content is
 * null for a request with no body; encoding is 'base64' for binary and some compressed bodies, else ''.
 * Pass the callback's two arguments, or the promise's one value.
 */
export function devtoolsContent(contentOrPair: unknown, encoding?: unknown): BoundedBody {
  const [content, contentEncoding] = Array.isArray(contentOrPair)
    ? [contentOrPair[0] as unknown, contentOrPair[1] as unknown]
    : [contentOrPair, encoding];
  if (typeof content !== 'string') return { text: '', truncated: false };
  return boundedBody(content, typeof contentEncoding === 'string' ? contentEncoding : undefined);
}
