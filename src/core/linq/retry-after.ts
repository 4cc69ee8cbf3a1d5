import { sanitizeText } from './text.ts';

/** No wait longer than this is believed: a server asking for a day would otherwise freeze the countdown. */
export const RETRY_AFTER_MAX_S = 3600;
/** How much of a header that was not understood the note quotes. */
const QUOTED_MAX = 60;

export interface RetryAfter {
  /** Seconds to wait, at most RETRY_AFTER_MAX_S; absent when the server gave no usable value. */
  seconds?: number;
  /** Said in the entry when the header was not understood or the wait was clamped. */
  note?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(?<month>${MONTHS.join('|')})`;
const TIME = '(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})';
/** RFC 9110 §5.6.7: IMF-fixdate, and the two obsolete forms a recipient must also accept. */
const IMF_FIXDATE = new RegExp(`^${DAY}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (?<day>\\d{2})-${MONTH}-(?<yy>\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`);

/** A two-digit year more than 50 years ahead is the most recent past year with those digits (RFC 9110). */
function fullYear(twoDigits: number, now: number): number {
  const current = new Date(now).getUTCFullYear();
  let year = Math.floor(current / 100) * 100 + twoDigits;
  if (year > current + 50) year -= 100;
  return year;
}

/** Milliseconds since the epoch of an HTTP-date, or undefined: no lenient Date.parse, no impossible dates. */
export function parseHttpDate(value: string, now: number): number | undefined {
  const parts = (IMF_FIXDATE.exec(value) ?? RFC850_DATE.exec(value) ?? ASCTIME_DATE.exec(value))?.groups;
  if (!parts) return undefined;
  const [day = 0, hour = 0, minute = 0, second = 0] = [parts.day, parts.hour, parts.minute, parts.second].map(Number);
  const year = parts.yy === undefined ? Number(parts.year) : fullYear(Number(parts.yy), now);
  const month = MONTHS.indexOf(parts.month ?? '');
  // 60 is a leap second, which the format allows; Date.UTC carries it into the next minute.
  if (hour > 23 || minute > 59 || second > 60 || day < 1) return undefined;
  // Date.UTC rolls 31 Nov over into 1 Dec: such a date is refused, not moved.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return undefined;
  return Date.UTC(year, month, day, hour, minute, second);
}

function clamped(asked: number): RetryAfter {
  if (asked <= RETRY_AFTER_MAX_S) return { seconds: asked };
  const shown = asked > Number.MAX_SAFE_INTEGER ? 'more than 9007199254740991' : String(asked);
  const note = `The server asked for ${shown} s; waiting at most ${RETRY_AFTER_MAX_S} s.`;
  return { seconds: RETRY_AFTER_MAX_S, note };
}

/**
 * Seconds to wait, from a body's retry_after (a non-negative finite number) or else the Retry-After header: only
 * delta-seconds (digits) or an HTTP-date. Anything else (V8's Date.parse read "1.5" and "10, 20" as dates
 * long past, i.e. "Wait 0 s") is ignored and the note says so.
 */
export function parseRetryAfter(bodyValue: unknown, header: string | undefined, now: number): RetryAfter {
  const usableBody = typeof bodyValue === 'number' && Number.isFinite(bodyValue) && bodyValue >= 0;
  if (usableBody) return clamped(Math.ceil(bodyValue));
  if (header === undefined) return {};
  // Optional whitespace around a field value is not part of it (RFC 9110 §5.5).
  const trimmed = header.replace(/^[ \t]+|[ \t]+$/g, '');
  if (/^\d+$/.test(trimmed)) return clamped(Number(trimmed));
  const date = parseHttpDate(trimmed, now);
  if (date !== undefined) return clamped(Math.max(0, Math.ceil((date - now) / 1000)));
  const quoted = sanitizeText(header, QUOTED_MAX);
  return { note: `The Retry-After header ("${quoted}") was not understood, so no wait is shown.` };
}
