import type { HistoryEntry } from '../../core/history.ts';
import { KIND_LABEL, formatDateTime, formatDuration, formatTime, isoTime, kindOf } from '../format.ts';
import { OPERATION_LABEL } from '../../core/linq/request.ts';
import { LookupButton, OutcomeView } from './OutcomeView.tsx';

export interface HistoryItemProps {
  entry: HistoryEntry;
  selected: boolean;
  /** Present only where there is room for details (the panel). */
  onSelect?(id: string): void;
  onRetry(entry: HistoryEntry): void;
  onLookupCode?(code: number): void;
}

export function statusLabel(entry: HistoryEntry): string {
  const kind = kindOf(entry);
  const status = entry.outcome?.status;
  return status !== undefined ? `${status} ${KIND_LABEL[kind]}` : KIND_LABEL[kind];
}

/** One entry's summary. The caller supplies the list item around it. */
export function HistoryItem({ entry, selected, onSelect, onRetry, onLookupCode }: HistoryItemProps) {
  const kind = kindOf(entry);
  return (
    <div class={`history-item kind-${kind}${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined}>
      <div class="history-head">
        <time dateTime={isoTime(entry.startedAt)} title={formatDateTime(entry.startedAt)}>
          {formatTime(entry.startedAt)}
        </time>
        <span class="operation">{OPERATION_LABEL[entry.operation]}</span>
        <span class="method">{entry.method}</span>
        <code class="chat-id">{entry.chatId}</code>
        <span class={`status kind-${kind}`}>{statusLabel(entry)}</span>
        <span class="duration">{formatDuration(entry.durationMs)}</span>
        {entry.imported ? (
          <span class="tag" title="Came from an imported history file">
            imported
          </span>
        ) : null}
        {entry.damaged ? (
          <span class="tag" title={`Damaged record: ${entry.damaged}`}>
            damaged
          </span>
        ) : null}
        {entry.rehearsalId ? (
          <span class="tag" title={`Rehearsal ${entry.rehearsalId}`}>
            rehearsal {entry.rehearsalId.slice(0, 8)}
          </span>
        ) : null}
      </div>
      {entry.outcome ? (
        <OutcomeView outcome={entry.outcome} compact />
      ) : (
        <p class="pending-note">Waiting for the answer…</p>
      )}
      <div class="history-actions">
        {onSelect ? (
          <button type="button" class="secondary" aria-pressed={selected} onClick={() => onSelect(entry.id)}>
            Details
          </button>
        ) : null}
        {entry.state !== 'pending' ? (
          <button type="button" class="secondary" onClick={() => onRetry(entry)}>
            Retry
          </button>
        ) : null}
        {entry.outcome?.code !== undefined && onLookupCode ? (
          <LookupButton code={entry.outcome.code} onLookupCode={onLookupCode} />
        ) : null}
      </div>
    </div>
  );
}
