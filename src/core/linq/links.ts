import { lookupCode } from './catalogue.ts';
import { ERROR_INDEX_URL } from './ranges.ts';
import { isSafeDocUrl } from './doc-url.ts';

/**
 * The documentation link for an error, in this order: the response's own doc_url when it is safe,
 * else the catalogue's page for the code, else the error index. A hostile doc_url is never returned.
 */
export function docLinkFor(code: number | undefined, responseDocUrl: unknown): string {
  if (isSafeDocUrl(responseDocUrl)) return new URL(responseDocUrl).href;
  const documented = code === undefined ? undefined : lookupCode(code);
  return documented ? documented.docUrl : ERROR_INDEX_URL;
}
