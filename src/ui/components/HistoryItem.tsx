import type { HistoryEntry } from '../../core/history.ts';
import { KIND_LABEL, formatDateTime, formatDuration, formatTime, isoTime, kindOf } from '../format.ts';
import { OPERATION_LABEL } from '../../core/linq/request.ts';

export interface HistoryItemProps {
  entry: HistoryEntry;
  onRetry(entry: HistoryEntry): void;
  onLookupCode(code: number): void;
}

export function statusLabel(entry: HistoryEntry): string {
  const kind = kindOf(entry);
  const status = entry.outcome?.status;
  return status !== undefined ? `${status} ${KIND_LABEL[kind]}` : KIND_LABEL[kind];
}

/**
 * One entry of the popup's history on one line: the full chat ID and the decoding are in its tooltip, in the
 * latest result and in the panel (Open full history). The caller supplies the list item around it.
 */
export function HistoryItem({ entry, onRetry, onLookupCode }: HistoryItemProps) {
  const kind = kindOf(entry);
  const outcome = entry.outcome;
  const code = outcome?.code;
  return (
    <div
      class={`history-item kind-${kind}`}
      title={`${entry.chatId}\n${outcome?.summary ?? ''} · ${formatDuration(entry.durationMs)}`}
    >
      <time dateTime={isoTime(entry.startedAt)} title={formatDateTime(entry.startedAt)}>
        {formatTime(entry.startedAt)}
      </time>
      <span class="operation">{OPERATION_LABEL[entry.operation]}</span>
      <span class="method visually-hidden">{entry.method}</span>
      {entry.imported ? <span class="tag">imported</span> : null}
      {entry.damaged ? <span class="tag">damaged</span> : null}
      {entry.rehearsalId ? <span class="tag">rehearsal {entry.rehearsalId.slice(0, 8)}</span> : null}
      <code class="chat-id">{entry.chatId}</code>
      <span class={`status kind-${kind}`}>{statusLabel(entry)}</span>
      {code !== undefined ? (
        <button
          type="button"
          class="link-button"
          aria-label={`Look up ${code} in Codes`}
          onClick={() => onLookupCode(code)}
        >
          {code}
        </button>
      ) : null}
      {entry.state !== 'pending' ? (
        <button type="button" class="small" onClick={() => onRetry(entry)}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
