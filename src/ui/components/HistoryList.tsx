import type { HistoryEntry } from '../../core/history.ts';
import { ClearHistory } from './ClearHistory.tsx';
import { HistoryItem } from './HistoryItem.tsx';

export interface HistoryListProps {
  entries: HistoryEntry[];
  total: number;
  error?: string;
  onRetry(chatId: string): void;
  onLookupCode(code: number): void;
  onClear(): void;
  /** Where the whole history can be seen (the panel page). */
  fullHistoryUrl: string;
}

/** The popup's history: the newest few entries, and the way to the rest. */
export function HistoryList(props: HistoryListProps) {
  return (
    <section class="history" aria-label="History">
      <div class="section-head">
        <h2>History</h2>
        <span class="count">
          {props.total === props.entries.length ? props.total : `latest ${props.entries.length} of ${props.total}`}
        </span>
        <a href={props.fullHistoryUrl} target="_blank" rel="noopener">
          Open full history
        </a>
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
            <li key={entry.id}>
              <HistoryItem entry={entry} selected={false} onRetry={props.onRetry} onLookupCode={props.onLookupCode} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
