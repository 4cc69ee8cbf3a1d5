import type { HistoryEntry } from '../../core/history.ts';
import { OPERATION_LABEL } from '../../core/linq/request.ts';
import { statusLabel } from './HistoryItem.tsx';
import type { LatestResultProps } from './LatestResult.tsx';

/**
 * The panel's latest result as one status line under the table, announced politely: its details are the
 * selected row's, in the details pane. Sending, a refused request or a storage problem show here too.
 */
export function LatestLine({ entry, partner, inFlight, error, storeError }: Omit<LatestResultProps, 'onLookupCode'>) {
  return (
    <section class="latest latest-line" aria-label="Latest result" aria-live="polite" aria-busy={inFlight > 0}>
      <div class="latest-line-text">
        {inFlight > 0 ? <span class="sending">Sending{inFlight > 1 ? ` ${inFlight} requests` : ''}…</span> : null}
        {error ? <span class="error">{error}</span> : null}
        {storeError ? <span class="warning">{storeError}</span> : null}
        {entry ? <Summary entry={entry} partner={partner} /> : null}
      </div>
    </section>
  );
}

function Summary({ entry, partner }: { entry: HistoryEntry; partner?: HistoryEntry }) {
  return (
    <span class={`result kind-${entry.outcome?.kind ?? 'pending'}`}>
      Latest: <strong>{statusLabel(entry)}</strong> {entry.outcome?.summary} · {OPERATION_LABEL[entry.operation]}:{' '}
      {entry.method} <code class="chat-id">{entry.chatId}</code>
      {partner ? (
        <span class="rehearsal-note">
          {' '}
          · Rehearsal: {OPERATION_LABEL[partner.operation]} answered <strong>{statusLabel(partner)}</strong> before
          this.
        </span>
      ) : null}
    </span>
  );
}
