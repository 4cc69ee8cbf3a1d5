import type { HistoryEntry } from '../core/history.ts';
import type { OutcomeKind } from '../core/linq/outcome.ts';

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

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour12: false });
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '…';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
