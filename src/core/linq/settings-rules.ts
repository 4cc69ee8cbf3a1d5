/** Rules for what the operator types into the settings fields. Each failure says why, for the field's message. */
export type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

export const DEFAULT_BASE_URL = 'https://api.linqapp.com/api/partner';

/** Base URL as the SDK's baseURL: http(s), no credentials, no query or fragment; trailing slashes dropped. */
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
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'Remove the user name and password from the URL; the API key is sent separately.' };
  }
  if (url.search !== '' || trimmed.includes('?')) return { ok: false, reason: 'Remove the query ("?…") from the base URL.' };
  if (url.hash !== '' || trimmed.includes('#')) return { ok: false, reason: 'Remove the fragment ("#…") from the base URL.' };
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The key travels in one header, so anything that could break or extend that header is refused. */
export function checkApiKey(input: string): Check<string> {
  const key = input.trim();
  if (key === '') return { ok: false, reason: 'Enter your Linq API key. Nothing is sent without one.' };
  if (/[\r\n]/.test(key)) return { ok: false, reason: 'The API key contains a line break. Paste the key on its own.' };
  if (/\s/.test(key)) return { ok: false, reason: 'The API key contains a space. Paste the key on its own, without "Bearer".' };
  if (/[^\u0021-\u007e]/.test(key)) {
    return { ok: false, reason: 'The API key contains a character outside printable ASCII; it cannot be sent in a header.' };
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
