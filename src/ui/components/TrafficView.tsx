import { useMemo, useRef, useState } from 'preact/hooks';
import type { TrafficEntry } from '../../core/traffic/traffic-entry.ts';
import type { HarOpenResult, TrafficClient } from '../traffic-client.ts';
import { usePanelKeys } from '../usePanelKeys.ts';
import { useTraffic } from '../useTraffic.ts';
import { ErrorBoundary, EntryFallback } from './ErrorBoundary.tsx';
import { RequestTable } from './RequestTable.tsx';
import { SplitPane } from './SplitPane.tsx';
import { TrafficDetails, type TrafficCopyKind } from './TrafficDetails.tsx';
import { sourceTag, TRAFFIC_COLUMNS, TrafficRow, trafficLabelOf, trafficMeaning } from './TrafficRow.tsx';

export interface TrafficViewProps {
  traffic: TrafficClient;
  onCopy(entry: TrafficEntry, kind: TrafficCopyKind): Promise<string>;
  onLookupCode(code: number): void;
  /** Saves these entries as a file; resolves to the confirmation to show. */
  onExport(entries: readonly TrafficEntry[], format: TrafficExportFormat): Promise<string>;
}

export type TrafficExportFormat = 'json' | 'har';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Opened x.har: 3 Linq requests of 120 (2 entries could not be read)." */
export function harOpenedText(result: Extract<HarOpenResult, { ok: true }>): string {
  const skipped = result.skipped > 0 ? ` (${plural(result.skipped, 'entry', 'entries')} could not be read)` : '';
  return `Opened ${result.fileName}: ${plural(result.kept, 'Linq request', 'Linq requests')} of ${result.total}${skipped}.`;
}

/** What a search looks through, lower case: everything the row and the decoding say. */
function searchTextOf(entry: TrafficEntry): string {
  const { outcome } = entry;
  return [
    entry.method,
    entry.url,
    entry.status,
    entry.statusText,
    trafficMeaning(entry),
    outcome.summary,
    outcome.serverMessage,
    entry.traceId ?? outcome.traceId,
    sourceTag(entry.source),
  ]
    .filter((part) => part !== undefined)
    .join(' ')
    .toLowerCase();
}

function EmptyTraffic({ capturing, searching }: { capturing: boolean; searching: boolean }) {
  if (searching)
    return (
      <p class="empty" tabIndex={-1}>
        No requests match the search.
      </p>
    );
  if (!capturing)
    return (
      <div class="empty traffic-empty" tabIndex={-1}>
        <p>
          Page traffic is captured only inside DevTools: this panel is open as a tab, with no inspected page. Open it
          from the Linq panel of DevTools to see a page's requests.
        </p>
        <p>HAR files can still be opened here, with Open HAR file….</p>
      </div>
    );
  return (
    <div class="empty traffic-empty" tabIndex={-1}>
      <p>
        No Linq requests yet. This view shows the Linq requests the inspected page makes: to api.linqapp.com, or any
        answer in Linq's error envelope.
      </p>
      <p>Requests made before DevTools opened appear after a reload of the page.</p>
    </div>
  );
}

type HarStatus = { text: string; error: boolean };

function OpenHar({ traffic }: { traffic: TrafficClient }) {
  const [status, setStatus] = useState<HarStatus>();
  const [opening, setOpening] = useState(false);
  const open = (file: File) => {
    setOpening(true);
    setStatus({ text: `Opening ${file.name.slice(0, 200)}…`, error: false });
    traffic
      .openHar(file)
      .then(
        (result): HarStatus =>
          result.ok
            ? { text: harOpenedText(result), error: false }
            : { text: `Could not open ${file.name.slice(0, 200)}: ${result.reason}.`, error: true },
        (error: unknown): HarStatus => ({
          text: `Could not open ${file.name.slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}.`,
          error: true,
        }),
      )
      .then((next) => {
        setStatus(next);
        setOpening(false);
      });
  };
  return (
    <>
      <label class={`file-button secondary${opening ? ' disabled' : ''}`}>
        Open HAR file…
        <input
          class="visually-hidden"
          type="file"
          accept=".har,.json"
          disabled={opening}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) open(file);
          }}
        />
      </label>
      {status?.error ? (
        <span class="error har-status" role="alert">
          {status.text}
        </span>
      ) : (
        <span class="confirmation har-status" role="status">
          {status?.text ?? ''}
        </span>
      )}
    </>
  );
}

const FORMAT_NAME: Record<TrafficExportFormat, string> = { json: 'JSON', har: 'HAR' };

/** "Export JSON" and "Export HAR": what the search shows (everything, with no search), and a line saying so. */
function ExportTraffic({
  rows,
  searching,
  onExport,
}: {
  rows: readonly TrafficEntry[];
  searching: boolean;
  onExport: TrafficViewProps['onExport'];
}) {
  const [status, setStatus] = useState<HarStatus>();
  const [busy, setBusy] = useState(false);
  const what = searching
    ? `the ${plural(rows.length, 'request', 'requests')} the search shows`
    : `all ${plural(rows.length, 'request', 'requests')}`;
  const run = (format: TrafficExportFormat) => {
    setBusy(true);
    onExport(rows, format)
      .then(
        (text): HarStatus => ({ text, error: false }),
        (error: unknown): HarStatus => ({
          text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
          error: true,
        }),
      )
      .then((next) => {
        setStatus(next);
        setBusy(false);
      });
  };
  return (
    <>
      {(['json', 'har'] as const).map((format) => (
        <button
          key={format}
          type="button"
          class="secondary export-traffic"
          disabled={rows.length === 0 || busy}
          title={`Save ${what} as ${FORMAT_NAME[format]}`}
          onClick={() => run(format)}
        >
          Export {FORMAT_NAME[format]}
        </button>
      ))}
      {status?.error ? (
        <span class="error har-status" role="alert">
          {status.text}
        </span>
      ) : (
        <span class="confirmation har-status export-status" role="status">
          {status?.text ?? ''}
        </span>
      )}
    </>
  );
}

/**
 * The Page traffic view: the Linq requests of the inspected page and of opened HAR files, decoded, searchable,
 * with details beside the table. The page's navigations are not shown in the table (each row has its time).
 * None of it is written to the request history.
 */
export function TrafficView({ traffic, onCopy, onLookupCode, onExport }: TrafficViewProps) {
  const state = useTraffic(traffic);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [detailsOpen, setDetailsOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const texts = useMemo(() => state.entries.map(searchTextOf), [state.entries]);
  const rows = useMemo(() => {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length === 0) return state.entries;
    return state.entries.filter((_, index) => terms.every((term) => texts[index]!.includes(term)));
  }, [state.entries, texts, query]);
  const details = detailsOpen ? state.entries.find((entry) => entry.id === selectedId) : undefined;
  const count =
    rows.length === state.entries.length
      ? plural(state.entries.length, 'request', 'requests')
      : `${rows.length} of ${plural(state.entries.length, 'request', 'requests')}`;

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
        if (query === '') return false;
        setQuery('');
        return true;
      },
    },
    true,
  );

  return (
    <section class="history browser traffic" aria-label="Page traffic">
      <div class="filter-bar">
        <h2 class="visually-hidden">Page traffic</h2>
        <div class="filters">
          <div class="field search">
            <label class="visually-hidden" for="traffic-search">
              Search page traffic
            </label>
            <input
              id="traffic-search"
              ref={searchRef}
              type="search"
              value={query}
              placeholder="Search page traffic: code, path, trace ID…"
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
        </div>
        <span class="count" aria-live="polite">
          {count}
        </span>
        <OpenHar traffic={traffic} />
        <ExportTraffic rows={rows} searching={rows.length !== state.entries.length} onExport={onExport} />
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
            <EmptyTraffic capturing={state.capturing} searching={state.entries.length > 0} />
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
