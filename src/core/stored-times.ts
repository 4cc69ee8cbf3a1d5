/**
 * The date and duration bounds a stored record must meet to be read as it is. Any record can be in
 * IndexedDB (one written by an older version, or before the import rules existed), so both readers apply
 * them: a record outside them is read as a damaged entry, kept and counted, instead of being dropped or
 * reaching a date formatter that throws.
 */

/** The largest distance from 1970 a Date can hold, in ms (ECMAScript's time value range). */
export const DATE_LIMIT_MS = 8.64e15;
export const NOT_A_DATE = 'its start time is not a date';
export const NOT_A_DURATION = 'its duration is not a number of milliseconds';

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isDate = (value: unknown) => finite(value) && Math.abs(value) <= DATE_LIMIT_MS;
const isDuration = (value: unknown) => value === undefined || (finite(value) && value >= 0);

/** Why this record's times are impossible, or undefined when they are fine. */
export function storedTimesProblem(record: { startedAt?: unknown; durationMs?: unknown }): string | undefined {
  if (!isDate(record.startedAt)) return NOT_A_DATE;
  return isDuration(record.durationMs) ? undefined : NOT_A_DURATION;
}

/**
 * The record's times as an entry may carry them, and the mark (`damaged`, the reason) when they are impossible:
 * a start time that is not a number becomes NaN (formatted "invalid time"), an impossible duration is left out.
 * A stored `damaged` is never believed; it is worked out again on every read.
 */
export function readStoredTimes(record: { startedAt?: unknown; durationMs?: unknown }): {
  startedAt: number;
  durationMs?: number;
  damaged?: string;
} {
  const damaged = storedTimesProblem(record);
  const startedAt = typeof record.startedAt === 'number' ? record.startedAt : Number.NaN;
  const durationMs = isDuration(record.durationMs) ? (record.durationMs as number | undefined) : undefined;
  return { startedAt, durationMs, damaged };
}

/** A copy of `record` without `damaged`, and with these times; optional fields left out when undefined. */
export function withTimes<T extends object>(record: T, times: ReturnType<typeof readStoredTimes>): T {
  type Marked = T & { damaged?: unknown; durationMs?: unknown };
  const { damaged: _stored, durationMs: _duration, ...rest } = record as Marked;
  const copy: Record<string, unknown> = { ...rest, startedAt: times.startedAt };
  if (times.durationMs !== undefined) copy.durationMs = times.durationMs;
  if (times.damaged !== undefined) copy.damaged = times.damaged;
  return copy as T;
}
