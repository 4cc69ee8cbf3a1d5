import { lookupCode } from './catalogue.ts';
import { ERROR_INDEX_URL } from './ranges.ts';

const DOCS_HOST = 'docs.linqapp.com';

/** True only for https://docs.linqapp.com/… with no credentials and the default port. */
export function isSafeDocUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' && url.hostname === DOCS_HOST && url.port === '' && url.username === '' && url.password === ''
  );
}

/**
 * The documentation link for an error, in DESIGN §5 order: the response's own doc_url when it is safe,
 * else the catalogue's page for the code, else the error index. A hostile doc_url is never returned.
 */
export function docLinkFor(code: number | undefined, responseDocUrl: unknown): string {
  if (isSafeDocUrl(responseDocUrl)) return new URL(responseDocUrl).href;
  const documented = code === undefined ? undefined : lookupCode(code);
  return documented ? documented.docUrl : ERROR_INDEX_URL;
}
