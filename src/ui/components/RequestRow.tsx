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
 * What a screen reader says for a row: each cell after its column's name, in order ("Time 12:00:01 Operation
 * DELETE Stop typing Chat ID …"), since the visible header row is hidden from readers (an option holds no
 * cells). One label, not a hidden name beside each cell: a scroll through 50,000 rows builds every row anew.
 */
export function rowLabelOf(entry: HistoryEntry): string {
  const cells: Record<(typeof COLUMNS)[number], string> = {
    Time: formatTime(entry.startedAt),
    Operation: `${entry.method} ${OPERATION_LABEL[entry.operation]}`,
    'Chat ID': entry.chatId,
    Status: statusLabel(entry),
    'Code and meaning': [tagsOf(entry).join(' '), meaningOf(entry)].filter(Boolean).join(' '),
    Duration: formatDuration(entry.durationMs),
    'Trace ID': entry.outcome?.traceId ?? '',
  };
  return COLUMNS.map((column) => `${column} ${cells[column]}`.trim()).join(' ');
}

function tagsOf(entry: HistoryEntry): string[] {
  return [
    entry.imported ? 'imported' : undefined,
    entry.damaged ? 'damaged' : undefined,
    entry.rehearsalId ? `rehearsal ${entry.rehearsalId.slice(0, 8)}` : undefined,
  ].filter((tag) => tag !== undefined);
}

/**
 * One entry on one line. The chat ID is cut by its column (the whole ID stays in the text and the tooltip,
 * so search and copy get all of it). No controls inside: the row is a listbox option, named by rowLabelOf.
 */
export function RequestRow({ entry }: { entry: HistoryEntry }) {
  const kind = kindOf(entry);
  const traceId = entry.outcome?.traceId;
  return (
    <div class={`history-item request-cols kind-${kind}`}>
      <time dateTime={isoTime(entry.startedAt)} title={formatDateTime(entry.startedAt)}>
        {formatTime(entry.startedAt)}
      </time>
      <span class="operation" title={`${entry.method} ${OPERATION_LABEL[entry.operation]}`}>
        <span class="method">{entry.method}</span> {OPERATION_LABEL[entry.operation]}
      </span>
      <code class="chat-id" title={entry.chatId}>
        {entry.chatId}
      </code>
      <span class={`status kind-${kind}`}>{statusLabel(entry)}</span>
      <span class="meaning" title={entry.outcome?.serverMessage}>
        {tagsOf(entry).map((tag) => (
          <span key={tag} class="tag">
            {tag}
          </span>
        ))}{' '}
        {meaningOf(entry)}
      </span>
      <span class="duration">{formatDuration(entry.durationMs)}</span>
      <code class="trace-id server-text" title={traceId}>
        {traceId ?? ''}
      </code>
    </div>
  );
}
