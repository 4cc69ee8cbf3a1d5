/** Rules for what the operator types into the settings fields. Each failure says why, for the field's message. */
export type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

export const DEFAULT_BASE_URL = 'https://api.linqapp.com/api/partner';

/**
 * Base URL as the SDK's baseURL: https (http only for this computer), a DNS name or IP literal as host, no
 * credentials, no query or fragment; trailing slashes dropped.
 */
export function checkBaseUrl(input: string): Check<string> {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'Enter a base URL, or reset it to the default.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'This is not a valid URL. Example: https://api.linqapp.com/api/partner' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `Only http and https are allowed, not "${url.protocol}".` };
  }
  const host = checkHost(url.hostname);
  if (!host.ok) return host;
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      reason:
        'Use https: plain http sends the API key unencrypted. http is allowed only for this computer ' +
        '(localhost, 127.0.0.1, [::1]).',
    };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'Remove the user name and password from the URL; the API key is sent separately.' };
  }
  if (url.search !== '' || trimmed.includes('?'))
    return { ok: false, reason: 'Remove the query ("?…") from the base URL.' };
  if (url.hash !== '' || trimmed.includes('#'))
    return { ok: false, reason: 'Remove the fragment ("#…") from the base URL.' };
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * A host is a DNS name (letters, digits, hyphens, dots; labels of 1–63 characters) or an IP literal, as the URL
 * parser normalised it. Anything else, such as "*", would turn the host-access request into a pattern for many
 * sites, and "_" is not valid in a host name.
 */
export function checkHost(hostname: string): Check<string> {
  // The URL parser has already checked IP literals and written IPv4 in dotted decimal.
  if (isIpLiteral(hostname)) return { ok: true, value: hostname };
  const labels = hostname.split('.');
  if (hostname.length <= 253 && labels.every((label) => DNS_LABEL.test(label))) return { ok: true, value: hostname };
  // Chrome's parser writes "*" in a host as "%2A": shown as typed.
  let shown = hostname;
  try {
    shown = decodeURIComponent(hostname);
  } catch {
    // Not percent-encoding after all: shown as it is.
  }
  return {
    ok: false,
    reason:
      `"${shown.length > 64 ? `${shown.slice(0, 64)}…` : shown}" is not a host name. Use a DNS name (letters, digits, hyphens and dots, ` +
      'no "*" or "_") or an IP address.',
  };
}

/** An IPv4 or [IPv6] host, as the URL parser writes it. */
export function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith('[') || IPV4.test(hostname);
}

/** This computer: 127.0.0.0/8, localhost and [::1]. Plain http may reach only these. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || (IPV4.test(hostname) && hostname.startsWith('127.'));
}

/** The key travels in one header, so anything that could break or extend that header is refused. */
export function checkApiKey(input: string): Check<string> {
  const key = input.trim();
  if (key === '') return { ok: false, reason: 'Enter your Linq API key. Nothing is sent without one.' };
  if (/[\r\n]/.test(key)) return { ok: false, reason: 'The API key contains a line break. Paste the key on its own.' };
  if (/\s/.test(key))
    return { ok: false, reason: 'The API key contains a space. Paste the key on its own, without "Bearer".' };
  if (/[^\u0021-\u007e]/.test(key)) {
    return {
      ok: false,
      reason: 'The API key contains a character outside printable ASCII; it cannot be sent in a header.',
    };
  }
  return { ok: true, value: key };
}

export const TIMEOUT_LIMITS = { min: 1000, max: 29000, default: 15000 } as const;
export const HISTORY_CAP_LIMITS = { min: 100, max: 100000, default: 1000 } as const;
/** How long a start-then-stop rehearsal waits between the two. */
export const REHEARSAL_LIMITS = { min: 1, max: 60, default: 5 } as const;

export function clampInt(value: number, limits: { min: number; max: number; default: number }): number {
  if (!Number.isFinite(value)) return limits.default;
  return Math.min(limits.max, Math.max(limits.min, Math.round(value)));
}

/**
 * A whole number the operator typed into a limited setting. A number input hands over "" for text that is not a
 * number, so an empty value says what to type.
 */
export function checkWholeNumber(input: string, limits: { min: number; max: number }, unit: string): Check<number> {
  const range = `from ${limits.min} to ${limits.max} ${unit}`;
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: `Enter a number ${range}.` };
  const value = Number(trimmed);
  if (!Number.isInteger(value)) return { ok: false, reason: `Use a whole number ${range}.` };
  if (value < limits.min || value > limits.max)
    return { ok: false, reason: `${trimmed} is out of range: enter a number ${range}.` };
  return { ok: true, value };
}
