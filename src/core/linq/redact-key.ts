import type { DecodedOutcome, RawOutcome } from './outcome.ts';
import { REDACTED } from './request.ts';

/**
 * A server or proxy may quote the key it was sent ("Invalid API key: sk_…", a header echoing Authorization,
 * a login redirect carrying it URL-encoded). The worker knows the key, so it replaces every occurrence with
 * [redacted] in what came back, before anything is stored, indexed, copied or shown.
 */

/**
 * A trailing fragment of a form this long or longer, at the end of a cut body, is taken for the key split by
 * the cut. Shorter ones cannot be told apart from ordinary text, and give away at most three characters.
 */
export const MIN_SPLIT_FRAGMENT = 4;

function base64(text: string): string {
  // Keys are printable ASCII (settings-rules checkApiKey), so btoa never meets a character it refuses.
  try {
    return btoa(text);
  } catch {
    return '';
  }
}

const htmlEscaped = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** The spellings of the key a server is likely to echo: as sent, URL-encoded, JSON- and HTML-escaped, base64. */
export function keyForms(key: string): string[] {
  if (key === '') return [];
  const encoded = encodeURIComponent(key);
  const json = JSON.stringify(key).slice(1, -1);
  const b64 = base64(key);
  const forms = [
    key,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    json,
    json.replaceAll('/', '\\/'),
    htmlEscaped(key),
    b64,
    b64.replace(/=+$/, ''),
    b64.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_'),
  ];
  // Longest first, so a longer spelling is replaced whole before a shorter one inside it.
  return [...new Set(forms.filter((form) => form !== ''))].toSorted((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces the key's forms in any text; compiled once per key. */
export interface KeyRedactor {
  text(value: string): string;
  /** A body cut at the preview limit: also a fragment of the key split by the cut. */
  cutText(value: string): string;
}

export function keyRedactor(key: string): KeyRedactor {
  const forms = keyForms(key);
  if (forms.length === 0) return { text: (value) => value, cutText: (value) => value };
  // Case-insensitive: Chrome lowercases header names, and a key in the wrong case is still most of the key.
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'gi');
  const lowerForms = forms.map((form) => form.toLowerCase());
  const text = (value: string) => value.replace(pattern, REDACTED);
  const cutText = (value: string) => {
    const whole = text(value);
    const lower = whole.toLowerCase();
    let fragment = 0;
    for (const form of lowerForms) {
      for (let length = Math.min(form.length - 1, lower.length); length >= MIN_SPLIT_FRAGMENT; length -= 1) {
        if (length > fragment && lower.endsWith(form.slice(0, length))) fragment = length;
      }
    }
    if (fragment === 0) return whole;
    // The marker takes the fragment's place, and a little more when it is longer, so the cut body never grows.
    return whole.slice(0, whole.length - Math.max(fragment, REDACTED.length)) + REDACTED;
  };
  return { text, cutText };
}

/** The key as the request's Authorization header carried it. */
export function keyOfAuthorization(headers: Readonly<Record<string, string>>): string {
  return /^Bearer (.+)$/.exec(headers.Authorization ?? '')?.[1] ?? '';
}

/**
 * The outcome with the key replaced everywhere the server controls: status text, every header name and value,
 * the body preview (including a key split by the preview's cut), Location and a network error's message.
 * Done before decoding, so every field derived from it is clean too. The preview never grows past its length
 * as received (a key shorter than the marker could make it): it is cut again and marked cut.
 */
export function redactKnownKey(raw: RawOutcome, key: string): RawOutcome {
  const redact = keyRedactor(key);
  switch (raw.kind) {
    case 'response': {
      let body = raw.bodyTruncated ? redact.cutText(raw.body) : redact.text(raw.body);
      let bodyTruncated = raw.bodyTruncated;
      if (body.length > raw.body.length) {
        body = body.slice(0, raw.body.length);
        bodyTruncated = true;
      }
      return {
        ...raw,
        statusText: redact.text(raw.statusText),
        headers: raw.headers.map(([name, value]) => [redact.text(name), redact.text(value)]),
        body,
        bodyTruncated,
      };
    }
    case 'redirect':
      return raw.location === undefined ? raw : { ...raw, location: redact.text(raw.location) };
    case 'network':
      return { ...raw, message: redact.text(raw.message) };
    case 'timeout':
      return raw;
  }
}

/**
 * The decoded outcome with the key replaced in every text field. The raw outcome is already clean; this catches
 * a key the decoding itself rebuilt, such as one written with JSON `\u` escapes in the server's message.
 */
export function redactDecoded(outcome: DecodedOutcome, key: string): DecodedOutcome {
  const redact = keyRedactor(key);
  const entries = Object.entries(outcome).map(([name, value]) => [
    name,
    typeof value === 'string' ? redact.text(value) : value,
  ]);
  return Object.fromEntries(entries) as DecodedOutcome;
}
