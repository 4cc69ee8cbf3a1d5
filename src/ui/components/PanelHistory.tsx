import type { Ref } from 'preact';
import type { HistoryEntry } from '../../core/history.ts';
import { isEmptyFilter, type HistoryFilter } from '../../core/history-filter.ts';
import type { IndexRow } from '../../core/history-index.ts';
import type { Profile } from '../../core/profiles.ts';
import type { FilteredHistory, IndexProgress } from '../useFilteredHistory.ts';
import { useRef } from 'preact/hooks';
import { ClearHistory, focusList } from './ClearHistory.tsx';
import { HistoryFilters } from './HistoryFilters.tsx';
import { ErrorBoundary, EntryFallback } from './ErrorBoundary.tsx';
import type { CopyKind } from './EntryActions.tsx';
import { HistoryTransfer, type ExportFormat, type ExportScope } from './HistoryTransfer.tsx';
import { RequestRow, rowLabelOf } from './RequestRow.tsx';
import { RequestTable } from './RequestTable.tsx';
import { SplitPane } from './SplitPane.tsx';
import { shownOfTotalText } from '../count-text.ts';
import { useLazy } from '../useLazy.ts';
import { pure } from '../pure.ts';

export interface PanelHistoryProps {
  history: FilteredHistory;
  filter: HistoryFilter;
  selectedId?: string;
  /** The entry the details pane shows; absent while it is closed. */
  details?: HistoryEntry;
  profiles: readonly Profile[];
  searchRef?: Ref<HTMLInputElement>;
  onFilterChange(filter: HistoryFilter): void;
  onSelect(id: string): void;
  onOpen(id: string): void;
  onCloseDetails(): void;
  onRetry(entry: HistoryEntry): void;
  onCopy(entry: HistoryEntry, kind: CopyKind): Promise<string>;
  onLookupCode(code: number): void;
  /** Resolves once the history is cleared; focus then moves to the (empty) list. */
  onClear(): Promise<void>;
  onExport(format: ExportFormat, scope: ExportScope): Promise<string>;
  onImport(file: Blob, onProgress: (text: string) => void, signal: AbortSignal): Promise<string>;
}

const grouped = (count: number) => count.toLocaleString('en-US');

/** "Loading search… 20,000 of 50,000": search waits for the whole index, and says so. */
export function indexProgressText(progress: IndexProgress): string {
  if (progress.total === undefined)
    return progress.loaded === 0 ? 'Loading search…' : `Loading search… ${grouped(progress.loaded)}`;
  return `Loading search… ${grouped(progress.loaded)} of ${grouped(Math.max(progress.total, progress.loaded))}`;
}

/** What the table says when it has no row to show. */
function emptyText(history: FilteredHistory, filter: HistoryFilter): string {
  if (history.total === 0) return history.loading ? 'Loading…' : 'No requests yet.';
  if (history.indexing && !isEmptyFilter(filter))
    return 'Search and filters are not ready yet: they run once every entry is loaded.';
  return 'No entries match the search and filters.';
}

interface TableProps {
  history: FilteredHistory;
  filter: HistoryFilter;
  selectedId?: string;
  onSelect(id: string): void;
  onOpen(id: string): void;
}

/** The rows, or what the table says when there are none. Pure: a new result in the details pane leaves it be. */
const HistoryTable = pure(function HistoryTable({ history, filter, selectedId, onSelect, onOpen }: TableProps) {
  if (history.rows.length === 0)
    return (
      <p class="empty" tabIndex={-1}>
        {emptyText(history, filter)}
      </p>
    );
  return (
    <RequestTable<IndexRow>
      items={history.rows}
      label="History entries"
      keyOf={(row) => row.id}
      selectedId={selectedId}
      onSelect={onSelect}
      onOpen={onOpen}
      onVisible={(rows) => history.want(rows.map((row) => row.id))}
      labelOf={(row) => {
        const entry = history.entry(row.id);
        try {
          return entry && rowLabelOf(entry);
        } catch {
          // A damaged stored entry: its row shows (and is named by) the error boundary's note instead.
          return undefined;
        }
      }}
      renderRow={(row) => {
        const entry = history.entry(row.id);
        return entry ? (
          <ErrorBoundary key={row.id} fallback={<EntryFallback />}>
            <RequestRow entry={entry} />
          </ErrorBoundary>
        ) : (
          <div class="history-item placeholder" aria-busy="true">
            Loading…
          </div>
        );
      }}
    />
  );
});

type FilterBarProps = Pick<
  PanelHistoryProps,
  'history' | 'filter' | 'searchRef' | 'onFilterChange' | 'onExport' | 'onImport' | 'onClear'
>;

/** Search, filters, the count, export/import and Clear history, on one row. Pure, as the table. */
const FilterBar = pure(function FilterBar(props: FilterBarProps) {
  const bar = useRef<HTMLDivElement>(null);
  const { history, filter } = props;
  const shown = history.rows.length;
  return (
    <div class="filter-bar" ref={bar}>
      <h2 class="visually-hidden">History</h2>
      <HistoryFilters filter={filter} onChange={props.onFilterChange} searchRef={props.searchRef} />
      <span class="count" aria-live="polite">
        {history.indexing ? indexProgressText(history.indexing) : shownOfTotalText(shown, history.total)}
      </span>
      <HistoryTransfer
        total={history.total}
        // Before the index is in, only the unfiltered view has a known size.
        filtered={history.indexing && isEmptyFilter(filter) ? history.total : shown}
        onExport={props.onExport}
        onImport={props.onImport}
      />
      <ClearHistory
        disabled={history.total === 0}
        onClear={() => void props.onClear().then(() => focusList(bar.current?.closest('section') ?? null))}
      />
    </div>
  );
});

/** The panel's history: a one-row filter bar, the request table (virtualised) and the details pane. */
export function PanelHistoryView(props: PanelHistoryProps) {
  const { history, details } = props;
  // The details pane's code loads when it first opens: the first paint shows none.
  const detailsModule = useLazy(() => import('./EntryDetails.tsx'), details !== undefined);
  return (
    <section class="history browser" aria-label="History">
      <FilterBar
        history={history}
        filter={props.filter}
        searchRef={props.searchRef}
        onFilterChange={props.onFilterChange}
        onExport={props.onExport}
        onImport={props.onImport}
        onClear={props.onClear}
      />
      {history.error ? (
        <p class="error" role="alert">
          {history.error}
        </p>
      ) : null}
      <SplitPane
        separatorLabel="Resize details"
        main={
          <HistoryTable
            history={history}
            filter={props.filter}
            selectedId={props.selectedId}
            onSelect={props.onSelect}
            onOpen={props.onOpen}
          />
        }
        side={
          details ? (
            <div class="details-pane">
              <button type="button" class="secondary small close-details" onClick={props.onCloseDetails}>
                Close details <span aria-hidden="true">(Esc)</span>
              </button>
              {detailsModule ? (
                <ErrorBoundary key={details.id} fallback={<EntryFallback details />}>
                  <detailsModule.EntryDetails
                    entry={details}
                    profiles={props.profiles}
                    onRetry={props.onRetry}
                    onCopy={props.onCopy}
                    onLookupCode={props.onLookupCode}
                  />
                </ErrorBoundary>
              ) : (
                <p class="loading">Loading…</p>
              )}
            </div>
          ) : undefined
        }
      />
    </section>
  );
}
