import type { HistoryEntry } from '../../core/history.ts';
import { useRef } from 'preact/hooks';
import { ClearHistory, focusList } from './ClearHistory.tsx';
import { ErrorBoundary, EntryFallback } from './ErrorBoundary.tsx';
import { HistoryItem } from './HistoryItem.tsx';

export interface HistoryListProps {
  entries: HistoryEntry[];
  total?: number;
  loaded: boolean;
  error?: string;
  onRetry(entry: HistoryEntry): void;
  onLookupCode(code: number): void;
  /** Resolves once the history is cleared; focus then moves to the (empty) list. */
  onClear(): Promise<void>;
  /** Where the whole history can be seen (the panel page). */
  fullHistoryUrl: string;
}

/** The popup's history: the newest few entries, and the way to the rest. */
export function HistoryList(props: HistoryListProps) {
  const section = useRef<HTMLElement>(null);
  return (
    <section class="history" aria-label="History" ref={section}>
      <div class="section-head">
        <h2>History</h2>
        <span class="count">
          {props.total === undefined || props.total === props.entries.length
            ? props.entries.length
            : `latest ${props.entries.length} of ${props.total}`}
        </span>
        <a href={props.fullHistoryUrl} target="_blank" rel="noopener">
          Open full history
        </a>
        <ClearHistory
          disabled={props.entries.length === 0}
          onClear={() => void props.onClear().then(() => focusList(section.current))}
        />
      </div>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.entries.length === 0 ? (
        <p class="empty" tabIndex={-1}>
          {props.loaded ? 'No requests yet.' : 'Loading…'}
        </p>
      ) : (
        <ol class="history-list" tabIndex={-1}>
          {props.entries.map((entry) => (
            <li key={entry.id}>
              <ErrorBoundary fallback={<EntryFallback />}>
                <HistoryItem entry={entry} onRetry={props.onRetry} onLookupCode={props.onLookupCode} />
              </ErrorBoundary>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
