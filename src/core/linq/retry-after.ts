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
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
/** RFC 9110 §5.6.7: IMF-fixdate, and the two obsolete forms a recipient must also accept. */
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

interface DateParts {
  day: string;
  month: string;
  year: number;
  hour: string;
  minute: string;
  second: string;
}

/** A two-digit year more than 50 years ahead is the most recent past year with those digits (RFC 9110). */
function fullYear(twoDigits: number, now: number): number {
  const current = new Date(now).getUTCFullYear();
  let year = Math.floor(current / 100) * 100 + twoDigits;
  if (year > current + 50) year -= 100;
  return year;
}

function dateParts(value: string, now: number): DateParts | undefined {
  let match = IMF_FIXDATE.exec(value);
  if (match) return { day: match[1]!, month: match[2]!, year: Number(match[3]), hour: match[4]!, minute: match[5]!, second: match[6]! };
  match = RFC850_DATE.exec(value);
  if (match) {
    const year = fullYear(Number(match[3]), now);
    return { day: match[1]!, month: match[2]!, year, hour: match[4]!, minute: match[5]!, second: match[6]! };
  }
  match = ASCTIME_DATE.exec(value);
  if (match) return { day: match[2]!, month: match[1]!, year: Number(match[6]), hour: match[3]!, minute: match[4]!, second: match[5]! };
  return undefined;
}

/** Milliseconds since the epoch of an HTTP-date, or undefined: no lenient Date.parse, no impossible dates. */
export function parseHttpDate(value: string, now: number): number | undefined {
  const parts = dateParts(value, now);
  if (!parts) return undefined;
  const [day, hour, minute, second] = [parts.day, parts.hour, parts.minute, parts.second].map(Number) as [number, number, number, number];
  const month = MONTHS.indexOf(parts.month);
  // 60 is a leap second, which the format allows; Date.UTC carries it into the next minute.
  if (hour > 23 || minute > 59 || second > 60 || day < 1) return undefined;
  // Date.UTC rolls 31 Nov over into 1 Dec: such a date is refused, not moved.
  if (new Date(Date.UTC(parts.year, month, day)).getUTCDate() !== day) return undefined;
  return Date.UTC(parts.year, month, day, hour, minute, second);
}

function clamped(asked: number): RetryAfter {
  if (asked <= RETRY_AFTER_MAX_S) return { seconds: asked };
  const shown = asked > Number.MAX_SAFE_INTEGER ? 'more than 9007199254740991' : String(asked);
  return { seconds: RETRY_AFTER_MAX_S, note: `The server asked for ${shown} s; waiting at most ${RETRY_AFTER_MAX_S} s.` };
}

/**
 * Seconds to wait, from a body's retry_after (a non-negative finite number) or else the Retry-After header: only
 * delta-seconds (digits) or an HTTP-date. Anything else (V8's Date.parse read "1.5" and "10, 20" as dates
 * long past, i.e. "Wait 0 s") is ignored and the note says so.
 */
export function parseRetryAfter(bodyValue: unknown, header: string | undefined, now: number): RetryAfter {
  if (typeof bodyValue === 'number' && Number.isFinite(bodyValue) && bodyValue >= 0) return clamped(Math.ceil(bodyValue));
  if (header === undefined) return {};
  // Optional whitespace around a field value is not part of it (RFC 9110 §5.5).
  const trimmed = header.replace(/^[ \t]+|[ \t]+$/g, '');
  if (/^\d+$/.test(trimmed)) return clamped(Number(trimmed));
  const date = parseHttpDate(trimmed, now);
  if (date !== undefined) return clamped(Math.max(0, Math.ceil((date - now) / 1000)));
  return { note: `The Retry-After header ("${sanitizeText(header, QUOTED_MAX)}") was not understood, so no wait is shown.` };
}
