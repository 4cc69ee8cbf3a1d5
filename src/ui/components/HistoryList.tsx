import type { HistoryEntry } from '../../core/history.ts';
import { ClearHistory } from './ClearHistory.tsx';
import { HistoryItem } from './HistoryItem.tsx';

export interface HistoryListProps {
  entries: HistoryEntry[];
  total: number;
  selectedId?: string;
  error?: string;
  onSelect?(id: string): void;
  onRetry(chatId: string): void;
  onClear(): void;
}

export function HistoryList(props: HistoryListProps) {
  return (
    <section class="history" aria-label="History">
      <div class="section-head">
        <h2>History</h2>
        <span class="count">
          {props.total === props.entries.length ? props.total : `latest ${props.entries.length} of ${props.total}`}
        </span>
        <ClearHistory disabled={props.total === 0} onClear={props.onClear} />
      </div>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.entries.length === 0 ? (
        <p class="empty" tabIndex={-1}>
          No requests yet.
        </p>
      ) : (
        <ol class="history-list" tabIndex={-1}>
          {props.entries.map((entry) => (
            <HistoryItem
              key={entry.id}
              entry={entry}
              selected={entry.id === props.selectedId}
              onSelect={props.onSelect}
              onRetry={props.onRetry}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
