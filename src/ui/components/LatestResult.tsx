import type { HistoryEntry } from '../../core/history.ts';
import { statusLabel } from './HistoryItem.tsx';
import { OutcomeView } from './OutcomeView.tsx';
import { OPERATION_LABEL } from '../../core/linq/request.ts';
import { useLazy } from '../useLazy.ts';

export interface LatestResultProps {
  entry?: HistoryEntry;
  /** The start of a rehearsal whose stop is `entry`. */
  partner?: HistoryEntry;
  /** A Check chat's handles, from its reply (never stored). */
  handles?: readonly string[];
  inFlight: number;
  error?: string;
  storeError?: string;
  onLookupCode(code: number): void;
}

/** The answer to this view's last request, announced politely to screen readers. */
export function LatestResult({
  entry,
  partner,
  handles,
  inFlight,
  error,
  storeError,
  onLookupCode,
}: LatestResultProps) {
  // A check's findings load with their first check, so the popup's first load stays small.
  const check = useLazy(() => import('./DiagnosisView.tsx'), entry?.operation === 'chat.check');
  return (
    <section class="latest" aria-label="Latest result" aria-live="polite" aria-busy={inFlight > 0}>
      {inFlight > 0 ? <p class="sending">Sending{inFlight > 1 ? ` ${inFlight} requests` : ''}…</p> : null}
      {error ? <p class="error">{error}</p> : null}
      {storeError ? <p class="warning">{storeError}</p> : null}
      {entry ? (
        <div class={`result kind-${entry.outcome?.kind ?? 'pending'}`}>
          <p class="result-summary">
            <strong>{statusLabel(entry)}</strong> {entry.outcome?.summary}
          </p>
          <p class="result-request">
            {OPERATION_LABEL[entry.operation]}: {entry.method} <code class="chat-id">{entry.chatId}</code>
          </p>
          {partner ? (
            <p class="rehearsal-note">
              Rehearsal: {OPERATION_LABEL[partner.operation]} answered <strong>{statusLabel(partner)}</strong> before
              this.
            </p>
          ) : null}
          {check && entry.operation === 'chat.check' ? <check.DiagnosisView entry={entry} handles={handles} /> : null}
          {entry.outcome ? <OutcomeView outcome={entry.outcome} onLookupCode={onLookupCode} /> : null}
        </div>
      ) : null}
    </section>
  );
}
