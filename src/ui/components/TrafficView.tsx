import { useMemo, useRef, useState } from 'preact/hooks';
import { EMPTY_FILTER, matcherFor, type HistoryFilter } from '../../core/history-filter.ts';
import type { TrafficEntry } from '../../core/traffic/traffic-entry.ts';
import { TRAFFIC_KINDS, trafficRowOf } from '../../core/traffic/traffic-filter.ts';
import { plural } from '../count-text.ts';
import type { TrafficClient } from '../traffic-client.ts';
import { usePanelKeys } from '../usePanelKeys.ts';
import { useTraffic } from '../useTraffic.ts';
import { EmptyTraffic } from './EmptyTraffic.tsx';
import { ErrorBoundary, EntryFallback } from './ErrorBoundary.tsx';
import { ExportTraffic, type NarrowedBy, type TrafficExporter } from './ExportTraffic.tsx';
import { HistoryFilters, type FilterNames } from './HistoryFilters.tsx';
import { OpenHar } from './OpenHar.tsx';
import { RequestTable } from './RequestTable.tsx';
import { SplitPane } from './SplitPane.tsx';
import { TrafficDetails, type TrafficCopyKind } from './TrafficDetails.tsx';
import { TRAFFIC_COLUMNS, TrafficRow, trafficLabelOf } from './TrafficRow.tsx';

export { harOpenedText } from './OpenHar.tsx';
export type { TrafficExportFormat } from './ExportTraffic.tsx';

export interface TrafficViewProps {
  traffic: TrafficClient;
  onCopy(entry: TrafficEntry, kind: TrafficCopyKind): Promise<string>;
  onLookupCode(code: number): void;
  onExport: TrafficExporter;
}

/** The Requests view's filter bar, with its own ids (both views' menus are popovers in one document). */
const TRAFFIC_FILTER_NAMES: FilterNames = {
  searchId: 'traffic-search',
  searchLabel: 'Search page traffic',
  placeholder: 'Search page traffic: code, path, trace ID…',
  menuPrefix: 'traffic-filter',
};

function narrowedByOf(filter: HistoryFilter): NarrowedBy | undefined {
  const searching = filter.text.trim() !== '';
  const filtering =
    filter.kinds.size > 0 || filter.families.size > 0 || filter.from !== undefined || filter.to !== undefined;
  if (searching && filtering) return 'search and filters';
  if (searching) return 'search';
  return filtering ? 'filters' : undefined;
}

/**
 * The Page traffic view: the Linq requests of the inspected page and of opened HAR files, decoded, searched and
 * filtered as the request history is, with details beside the table. The page's navigations are not shown in
 * the table (each row has its time). None of it is written to the request history.
 */
export function TrafficView({ traffic, onCopy, onLookupCode, onExport }: TrafficViewProps) {
  const state = useTraffic(traffic);
  const [filter, setFilter] = useState<HistoryFilter>(EMPTY_FILTER);
  const [selectedId, setSelectedId] = useState<string>();
  const [detailsOpen, setDetailsOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const indexRows = useMemo(() => state.entries.map(trafficRowOf), [state.entries]);
  const rows = useMemo(() => {
    const matches = matcherFor(filter);
    return state.entries.filter((_, index) => matches(indexRows[index]!));
  }, [state.entries, indexRows, filter]);
  const hiding = narrowedByOf(filter);
  const details = detailsOpen ? state.entries.find((entry) => entry.id === selectedId) : undefined;
  const total = plural(state.entries.length, 'request', 'requests');
  const count = rows.length === state.entries.length ? total : `${rows.length} of ${total}`;

  // The Requests view's keys, with the same rules; Ctrl+Enter stays the Requests view's (no form here).
  usePanelKeys(
    document,
    {
      focusSearch: () => searchRef.current?.focus(),
      closeDetails: () => {
        if (!details) return false;
        // Focus inside the pane would be lost with it: it goes back to the table, on the same row.
        const inPane = document.activeElement?.closest('.details-pane') !== null;
        setDetailsOpen(false);
        if (inPane) document.querySelector<HTMLElement>('.traffic [role="listbox"]')?.focus();
        return true;
      },
      clearSearch: () => {
        if (filter.text === '') return false;
        setFilter({ ...filter, text: '' });
        return true;
      },
    },
    true,
  );

  return (
    <section class="history browser traffic" aria-label="Page traffic">
      <div class="filter-bar">
        <h2 class="visually-hidden">Page traffic</h2>
        <HistoryFilters
          filter={filter}
          onChange={setFilter}
          searchRef={searchRef}
          names={TRAFFIC_FILTER_NAMES}
          kinds={TRAFFIC_KINDS}
        />
        <span class="count" aria-live="polite">
          {count}
        </span>
        <OpenHar traffic={traffic} />
        <ExportTraffic
          rows={rows}
          narrowedBy={rows.length === state.entries.length ? undefined : hiding}
          onExport={onExport}
        />
        <button
          type="button"
          class="secondary"
          disabled={state.entries.length === 0}
          onClick={() => {
            traffic.clear();
            setDetailsOpen(false);
          }}
        >
          Clear
        </button>
      </div>
      <SplitPane
        separatorLabel="Resize details"
        main={
          rows.length === 0 ? (
            <EmptyTraffic capturing={state.capturing} narrowedBy={state.entries.length > 0 ? hiding : undefined} />
          ) : (
            <RequestTable<TrafficEntry>
              items={rows}
              label="Page traffic entries"
              columns={TRAFFIC_COLUMNS}
              keyOf={(entry) => entry.id}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onOpen={(id) => {
                setSelectedId(id);
                setDetailsOpen(true);
              }}
              labelOf={trafficLabelOf}
              renderRow={(entry) => (
                <ErrorBoundary key={entry.id} fallback={<EntryFallback />}>
                  <TrafficRow entry={entry} />
                </ErrorBoundary>
              )}
            />
          )
        }
        side={
          details ? (
            <div class="details-pane">
              <button type="button" class="secondary small close-details" onClick={() => setDetailsOpen(false)}>
                Close details
              </button>
              <ErrorBoundary key={details.id} fallback={<EntryFallback details />}>
                <TrafficDetails entry={details} onCopy={onCopy} onLookupCode={onLookupCode} />
              </ErrorBoundary>
            </div>
          ) : undefined
        }
      />
    </section>
  );
}
