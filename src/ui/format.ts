import type { HistoryEntry } from '../core/history.ts';
import type { OutcomeKind } from '../core/linq/outcome.ts';
import { INVALID_TIME, isoTime } from '../core/iso-time.ts';

export { INVALID_TIME, isoTime };

export const KIND_LABEL: Record<OutcomeKind | 'pending', string> = {
  success: 'Success',
  linq_error: 'Linq error',
  http_failure: 'HTTP failure',
  network: 'Network failure',
  timeout: 'Timeout',
  interrupted: 'Interrupted',
  pending: 'Pending',
};

export function kindOf(entry: HistoryEntry): OutcomeKind | 'pending' {
  return entry.outcome?.kind ?? 'pending';
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * Local time as HH:MM:SS. Not toLocaleTimeString: with options it builds an Intl formatter on every call,
 * and a CPU profile of the popup opening had it as the costliest function of the page's own code.
 */
export function formatTime(ms: number): string {
  const time = new Date(ms);
  if (Number.isNaN(time.getTime())) return INVALID_TIME;
  return `${twoDigits(time.getHours())}:${twoDigits(time.getMinutes())}:${twoDigits(time.getSeconds())}`;
}

/** Total: a number that is no date shows as "invalid time" instead of throwing. */
export function formatDateTime(ms: number): string {
  return (
    isoTime(ms)
      ?.replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC') ?? INVALID_TIME
  );
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '…';
  if (!Number.isFinite(ms) || ms < 0) return INVALID_TIME;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
