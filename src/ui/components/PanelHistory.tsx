import type { HistoryEntry } from '../../core/history.ts';
import type { HistoryFilter } from '../../core/history-filter.ts';
import type { IndexRow } from '../../core/history-index.ts';
import type { FilteredHistory } from '../useFilteredHistory.ts';
import { useRef } from 'preact/hooks';
import { ClearHistory, focusList } from './ClearHistory.tsx';
import { HistoryFilters } from './HistoryFilters.tsx';
import { ErrorBoundary, EntryFallback } from './ErrorBoundary.tsx';
import { HistoryItem } from './HistoryItem.tsx';
import { HistoryTransfer, type ExportFormat, type ExportScope } from './HistoryTransfer.tsx';
import { VirtualList } from './VirtualList.tsx';
import { shownOfTotalText } from '../count-text.ts';

export interface PanelHistoryProps {
  history: FilteredHistory;
  filter: HistoryFilter;
  selectedId?: string;
  onFilterChange(filter: HistoryFilter): void;
  onSelect(id: string): void;
  onRetry(entry: HistoryEntry): void;
  onLookupCode(code: number): void;
  /** Resolves once the history is cleared; focus then moves to the (empty) list. */
  onClear(): Promise<void>;
  onExport(format: ExportFormat, scope: ExportScope): Promise<string>;
  onImport(file: Blob, onProgress: (text: string) => void, signal: AbortSignal): Promise<string>;
}

/** Fixed row height of the panel's list (CSS .virtual-row matches it). */
export const ROW_HEIGHT = 148;

/** The panel's history: search, filters and the whole list, virtualised. */
export function PanelHistoryView(props: PanelHistoryProps) {
  const section = useRef<HTMLElement>(null);
  const { history } = props;
  const shown = history.rows.length;
  return (
    <section class="history browser" aria-label="History" ref={section}>
      <div class="section-head">
        <h2>History</h2>
        <span class="count" aria-live="polite">
          {history.loading ? 'Loading all entries…' : shownOfTotalText(shown, history.total)}
        </span>
        <ClearHistory
          disabled={history.total === 0}
          onClear={() => void props.onClear().then(() => focusList(section.current))}
        />
      </div>
      <HistoryFilters filter={props.filter} onChange={props.onFilterChange} />
      <HistoryTransfer total={history.total} filtered={shown} onExport={props.onExport} onImport={props.onImport} />
      {history.error ? (
        <p class="error" role="alert">
          {history.error}
        </p>
      ) : null}
      {shown === 0 ? (
        <p class="empty" tabIndex={-1}>
          {history.total === 0
            ? history.loading
              ? 'Loading…'
              : 'No requests yet.'
            : 'No entries match the search and filters.'}
        </p>
      ) : (
        <VirtualList<IndexRow>
          items={history.rows}
          rowHeight={ROW_HEIGHT}
          label="History entries"
          keyOf={(row) => row.id}
          onVisible={(rows) => history.want(rows.map((row) => row.id))}
          renderRow={(row) => {
            const entry = history.entry(row.id);
            return entry ? (
              <ErrorBoundary key={row.id} fallback={<EntryFallback />}>
                <HistoryItem
                  entry={entry}
                  selected={row.id === props.selectedId}
                  onSelect={props.onSelect}
                  onRetry={props.onRetry}
                  onLookupCode={props.onLookupCode}
                />
              </ErrorBoundary>
            ) : (
              <div class="history-item placeholder" aria-busy="true">
                Loading…
              </div>
            );
          }}
        />
      )}
    </section>
  );
}
