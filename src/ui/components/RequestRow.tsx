import type { HistoryEntry } from '../../core/history.ts';
import { OPERATION_LABEL } from '../../core/linq/request.ts';
import { formatDateTime, formatDuration, formatTime, isoTime, kindOf } from '../format.ts';
import { statusLabel } from './HistoryItem.tsx';

/** The request table's columns, in order; the header and every row share them (CSS .request-cols). */
export const COLUMNS = ['Time', 'Operation', 'Chat ID', 'Status', 'Code and meaning', 'Duration', 'Trace ID'] as const;

function meaningOf(entry: HistoryEntry): string {
  const outcome = entry.outcome;
  if (!outcome) return 'Waiting for the answer…';
  if (outcome.code !== undefined) return `${outcome.code} ${outcome.meaning ?? ''}`.trim();
  return outcome.summary;
}

/**
 * A column's name before its cell, for screen readers: the visible header row is hidden from them (an option
 * holds no cells), so each option is named "Time 12:00:01 Operation DELETE Stop typing Chat ID …". It is
 * positioned out of the flow, so it takes no grid column.
 */
const Column = ({ name }: { name: (typeof COLUMNS)[number] }) => <span class="visually-hidden">{name}</span>;

/**
 * One entry on one line. The chat ID is cut by its column (the whole ID stays in the text and the tooltip,
 * so search, copy and a screen reader get all of it). No controls inside: the row is a listbox option.
 */
export function RequestRow({ entry }: { entry: HistoryEntry }) {
  const kind = kindOf(entry);
  const traceId = entry.outcome?.traceId;
  return (
    <div class={`history-item request-cols kind-${kind}`}>
      <Column name="Time" />
      <time dateTime={isoTime(entry.startedAt)} title={formatDateTime(entry.startedAt)}>
        {formatTime(entry.startedAt)}
      </time>
      <Column name="Operation" />
      <span class="operation" title={`${entry.method} ${OPERATION_LABEL[entry.operation]}`}>
        <span class="method">{entry.method}</span> {OPERATION_LABEL[entry.operation]}
      </span>
      <Column name="Chat ID" />
      <code class="chat-id" title={entry.chatId}>
        {entry.chatId}
      </code>
      <Column name="Status" />
      <span class={`status kind-${kind}`}>{statusLabel(entry)}</span>
      <Column name="Code and meaning" />
      <span class="meaning" title={entry.outcome?.serverMessage}>
        {entry.imported ? <span class="tag">imported</span> : null}
        {entry.damaged ? <span class="tag">damaged</span> : null}
        {entry.rehearsalId ? <span class="tag">rehearsal {entry.rehearsalId.slice(0, 8)}</span> : null}{' '}
        {meaningOf(entry)}
      </span>
      <Column name="Duration" />
      <span class="duration">{formatDuration(entry.durationMs)}</span>
      <Column name="Trace ID" />
      <code class="trace-id server-text" title={traceId}>
        {traceId ?? ''}
      </code>
    </div>
  );
}
