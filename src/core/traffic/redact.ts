import { REDACTED } from '../linq/request.ts';

/**
 * Credentials in what is captured or imported: the page's own traffic and any HAR file carry someone's key,
 * session or token, which must never be stored, shown or copied. One set of rules for the import rules
 * (`credentialFree`) and for captured traffic (`redactTrafficHeaders`, `redactUrl`).
 */

/** Headers that carry credentials, lower case. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'cookie',
  'set-cookie',
]);

/** Other header names that, in traffic from any site, usually carry a secret (X-Auth-Token, X-CSRF-Token…). */
const SECRET_HEADER_NAME = /token|secret|api-?key|password|credential|session/i;

/** Query and fragment parameters that usually carry a secret: token, key, api_key, access_token, authorization… */
const SECRET_PARAM_NAME = /token|key|secret|passw|auth|session|signature|credential/i;

/** Headers whose value is a URL or a path, which may carry a token in its query. */
const URL_HEADERS: ReadonlySet<string> = new Set([':path', 'referer', 'location', 'content-location', 'origin']);

/**
 * "Bearer <token>" anywhere, also URL-encoded ("Bearer%20…", "Bearer+…"). The token stops at a quote or a
 * backslash, so a JSON body stays JSON; one already replaced is left alone.
 */
const BEARER = /\b(bearer)((?:\s|%20|\+)+)(?!\[redacted\])[^\s,;&#"'<>\\]+/gi;

export function redactBearerTokens(text: string): string {
  return text.replace(BEARER, (_match, word: string, gap: string) => `${word}${gap}${REDACTED}`);
}

/** The scheme word of an Authorization value ("Bearer", "Basic"), when it has one followed by a credential. */
function schemeOf(value: string): string | undefined {
  return /^\s*([A-Za-z][\w!#$%&'*+.^`|~-]{0,31})\s+\S/.exec(value)?.[1];
}

function replacedCredential(lowerName: string, value: string, keepScheme: boolean): string {
  if (!lowerName.endsWith('authorization')) return REDACTED;
  const scheme = keepScheme ? schemeOf(value) : 'Bearer';
  return scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`;
}

/**
 * The import rules' redaction: a credential header's value replaced, an Authorization-like one always as
 * "Bearer [redacted]" (what this extension's own entries hold); any other header kept as it is.
 */
export function credentialFree(name: string, value: string): string {
  const lower = name.trim().toLowerCase();
  if (!CREDENTIAL_HEADERS.has(lower)) return value;
  return replacedCredential(lower, value, false);
}

/** A parameter list ("a=1&b=2") with the values of secret-looking names replaced. */
function redactParams(params: string): string {
  return params
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = pair.slice(0, equals);
      return SECRET_PARAM_NAME.test(decodedName(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}

/**
 * A URL (or a path with a query) as it may be shown: user and password, secret-looking query and fragment
 * parameters (OAuth puts access_token in the fragment) and Bearer tokens replaced. Works on the text as
 * written, without parsing, so a malformed URL from a file is redacted too.
 */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? undefined : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? undefined : beforeHash.slice(queryAt + 1);
  const withoutUser = base.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i, `$1${REDACTED}@`);
  const rebuilt =
    withoutUser +
    (query === undefined ? '' : `?${redactParams(query)}`) +
    (fragment === undefined ? '' : `#${redactParams(fragment)}`);
  return redactBearerTokens(rebuilt);
}

/**
 * A captured header's value as it may be stored: a credential replaced (Authorization keeps its scheme word,
 * "Basic [redacted]"), a URL-carrying header redacted as a URL, and a Bearer token replaced in any other.
 */
export function redactTrafficHeader(name: string, value: string): string {
  const lower = name.trim().toLowerCase();
  if (CREDENTIAL_HEADERS.has(lower)) return replacedCredential(lower, value, true);
  if (SECRET_HEADER_NAME.test(lower)) return REDACTED;
  return URL_HEADERS.has(lower) ? redactUrl(value) : redactBearerTokens(value);
}
