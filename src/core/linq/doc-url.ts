const DOCS_HOST = 'docs.linqapp.com';

/**
 * True only for https://docs.linqapp.com/… with no credentials and the default port. Kept apart from the
 * catalogue so a view can check a stored link without loading every code.
 */
export function isSafeDocUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.hostname === DOCS_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
