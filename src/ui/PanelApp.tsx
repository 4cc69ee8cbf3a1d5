import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import type { CopyKind } from './components/EntryActions.tsx';
import type { PanelRoute } from '../core/panel-route.ts';
import type { InspectorClient } from './client.ts';
import type { TrafficClient } from './traffic-client.ts';
import type { TrafficEntry } from '../core/traffic/traffic-entry.ts';
import type { TrafficCopyKind } from './components/TrafficDetails.tsx';
import type { TrafficExportFormat } from './components/TrafficView.tsx';
import { PanelControls } from './PanelControls.tsx';
import { activeProfile } from '../core/settings.ts';
import { matcherFor } from '../core/history-filter.ts';
import { LatestLine } from './components/LatestLine.tsx';
import { PanelHistoryView } from './components/PanelHistory.tsx';
import type { ExportFormat, ExportScope } from './components/HistoryTransfer.tsx';
import { pure, useStableCallback } from './pure.ts';
import { Loader, type InitialValues } from './Loader.tsx';
import { useLazy } from './useLazy.ts';
import { useFilteredHistory } from './useFilteredHistory.ts';
import { useInspector } from './useInspector.ts';
import { useNewestEntries } from './useNewestEntries.ts';
import { useRememberFirstPaint } from './useRememberFirstPaint.ts';
import { RECENT_LIMIT } from '../core/recent-history.ts';
import { usePanelKeys } from './usePanelKeys.ts';
import { useSameEntry } from './useSameEntry.ts';

export interface PanelAppProps {
  client: InspectorClient;
  /** The inspected page's Linq traffic and opened HAR files, for the Page traffic view. */
  traffic: TrafficClient;
  initialRoute: PanelRoute;
  /** The panel page keeps its route in the URL hash, so a panel tab can be bookmarked. */
  onRouteChange(route: PanelRoute): void;
  /** Route changes from outside (the operator editing the hash, or a code link). */
  subscribeToRoute(listener: (route: PanelRoute) => void): () => void;
}

export function PanelApp(props: PanelAppProps) {
  // As the popup does: the first frame paints from the copy the popup last showed, if there is one, and the
  // stored values replace it a few milliseconds later (Loader). Without one, the panel waits for them.
  const [firstPaint] = useState(() => props.client.readFirstPaint());
  return (
    <Loader client={props.client} firstPaint={firstPaint}>
      {(initial) => <Panel {...props} initial={initial} />}
    </Loader>
  );
}

const PanelHistory = pure(PanelHistoryView);

const PANEL_VIEWS: ReadonlyArray<[PanelRoute['view'], string]> = [
  ['requests', 'Requests'],
  ['codes', 'Codes'],
  ['traffic', 'Page traffic'],
];

function Panel(props: PanelAppProps & { initial: InitialValues }) {
  const { client } = props;
  const { state, actions } = useInspector(client, props.initial);
  const [route, setRoute] = useState(props.initialRoute);
  const history = useFilteredHistory(client, route.filter, props.initial.recent);
  // The panel keeps the first-paint copy too, from its unfiltered newest rows, so it paints them at once next
  // time even if the popup is never opened.
  const newest = useNewestEntries(history.all, history.entry, RECENT_LIMIT);
  const storedValuesShown = !props.initial.keyPending && !history.loading;
  useRememberFirstPaint(client, storedValuesShown, state.settings, newest, history.total);
  const [selectedId, setSelectedId] = useState<string>();
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [clearError, setClearError] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const { latest } = state.requests;
  // The latest result is the stored entry as this view last heard it: fresher than the list's copy at first.
  const selected = useSameEntry(
    selectedId === undefined ? undefined : selectedId === latest?.id ? latest : history.entry(selectedId),
  );

  useEffect(() => props.subscribeToRoute(setRoute), []);
  // The catalogue and its view are only needed in the Codes view, so they load the first time it opens.
  const codes = useLazy(async () => {
    const [{ CATALOGUE }, { CodesView }] = await Promise.all([
      import('../core/linq/catalogue.ts'),
      import('./components/CodesView.tsx'),
    ]);
    return { catalogue: CATALOGUE, CodesView };
  }, route.view === 'codes');
  // The Page traffic view is loaded the first time it opens, as Codes is.
  const trafficView = useLazy(() => import('./components/TrafficView.tsx'), route.view === 'traffic');
  // This view's newest result becomes the selected row, its details open beside the table.
  useEffect(() => {
    if (!latest) return;
    setSelectedId(latest.id);
    setDetailsOpen(true);
  }, [latest?.id]);

  const navigate = (next: PanelRoute) => {
    setRoute(next);
    props.onRouteChange(next);
  };
  const lookupCode = useStableCallback((code: number) => navigate({ ...route, view: 'codes', code }));
  // Stable props for the history list, so a keystroke or a result elsewhere does not re-render it.
  const shownHistory = useMemo(() => ({ ...history, error: clearError ?? history.error }), [history, clearError]);
  const onFilterChange = useStableCallback((filter: PanelRoute['filter']) => navigate({ ...route, filter }));
  const onSelect = useStableCallback((id: string) => {
    setSelectedId(id);
    history.want([id]);
  });
  const onOpen = useStableCallback((id: string) => {
    onSelect(id);
    setDetailsOpen(true);
  });
  // Page traffic is copied through the same client, with the same confirmations; never stored in the history.
  const onTrafficCopy = useStableCallback(async (entry: TrafficEntry, kind: TrafficCopyKind) => {
    const share = await import('../core/traffic/traffic-share.ts');
    if (kind === 'curl') {
      await client.copyText(share.trafficCurl(entry));
      return 'Copied the cURL command (key as $LINQ_API_KEY).';
    }
    await client.copyText(share.trafficSupportReport(entry, client.extensionVersion));
    return 'Copied the support report.';
  });
  // Page traffic is saved through the client as the history's exports are; the writer loads on first use.
  const onTrafficExport = useStableCallback(async (entries: readonly TrafficEntry[], format: TrafficExportFormat) => {
    if (entries.length === 0) throw new Error('There is nothing to export.');
    const { trafficToHar, trafficToJson } = await import('../core/traffic/traffic-export.ts');
    const now = Date.now();
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    const requests = `${entries.length} ${entries.length === 1 ? 'request' : 'requests'}`;
    if (format === 'json') {
      client.saveFile(
        `linq-page-traffic-${stamp}.json`,
        'application/json',
        trafficToJson(entries, client.extensionVersion, now),
      );
      return `Exported ${requests} as JSON.`;
    }
    client.saveFile(
      `linq-page-traffic-${stamp}.har`,
      'application/json',
      trafficToHar(entries, client.extensionVersion),
    );
    return `Exported ${requests} as HAR.`;
  });
  const onCloseDetails = useStableCallback(() => setDetailsOpen(false));
  // Copying, exporting and importing load their code on first use: the first paint needs none of it.
  const onCopy = useStableCallback(async (entry: HistoryEntry, kind: CopyKind) =>
    (await import('./sharing.ts')).copyEntry(client, entry, kind, state.settings.profiles),
  );
  usePanelKeys(
    document,
    {
      focusSearch: () => searchRef.current?.focus(),
      closeDetails: () => {
        if (!detailsOpen || !selected) return false;
        // Focus inside the pane would be lost with it: it goes back to the table, on the same row.
        const inPane = document.activeElement?.closest('.details-pane') !== null;
        setDetailsOpen(false);
        if (inPane) document.querySelector<HTMLElement>('[role="listbox"]')?.focus();
        return true;
      },
      clearSearch: () => {
        if (route.filter.text === '') return false;
        onFilterChange({ ...route.filter, text: '' });
        return true;
      },
      fire: () => void actions.fire(state.chatId),
    },
    route.view === 'requests',
  );
  const onRetry = useStableCallback(actions.retry);
  const onClear = useStableCallback(() =>
    client.clearHistory().then((reply) => {
      setClearError(reply.ok ? undefined : reply.message);
      // The entry shown is gone with the rest.
      if (reply.ok) setDetailsOpen(false);
    }),
  );
  // Exports name every entry, so they wait for the whole index (a second or so at most, after opening).
  const onExport = useStableCallback(async (format: ExportFormat, scope: ExportScope) => {
    const all = await history.indexed();
    const rows = scope === 'all' ? all : all.filter(matcherFor(route.filter));
    return (await import('./transfer.ts')).exportEntries(
      client,
      rows.map((row) => row.id),
      format,
    );
  });
  const onImport = useStableCallback(async (file: Blob, onProgress: (text: string) => void, signal: AbortSignal) =>
    (await import('./transfer.ts')).importFile(client, file, { onProgress, signal }),
  );

  return (
    <div class="app panel">
      <header class="panel-header">
        <h1>Linq Typing Inspector</h1>
        <p class="active-env">
          Environment: <strong>{activeProfile(state.settings).name}</strong>
        </p>
        <div role="tablist" aria-label="Panel views">
          {PANEL_VIEWS.map(([view, label]) => (
            <button
              key={view}
              type="button"
              role="tab"
              id={`tab-${view}`}
              aria-selected={route.view === view}
              aria-controls={`view-${view}`}
              onClick={() => navigate({ ...route, view, code: view === 'codes' ? route.code : undefined })}
            >
              {label}
            </button>
          ))}
        </div>
      </header>
      <main class="panel-main">
        {route.view === 'codes' ? (
          <div class="codes-layout" role="tabpanel" id="view-codes" aria-labelledby="tab-codes">
            {codes ? (
              <codes.CodesView catalogue={codes.catalogue} selectedCode={route.code} />
            ) : (
              <p class="loading">Loading…</p>
            )}
          </div>
        ) : route.view === 'traffic' ? (
          <div class="traffic-layout" role="tabpanel" id="view-traffic" aria-labelledby="tab-traffic">
            {trafficView ? (
              <trafficView.TrafficView
                traffic={props.traffic}
                onCopy={onTrafficCopy}
                onLookupCode={lookupCode}
                onExport={onTrafficExport}
              />
            ) : (
              <p class="loading">Loading…</p>
            )}
          </div>
        ) : (
          <div class="layout" role="tabpanel" id="view-requests" aria-labelledby="tab-requests">
            <PanelControls idPrefix="panel" state={state} actions={actions} />
            <PanelHistory
              history={shownHistory}
              filter={route.filter}
              selectedId={selectedId}
              // An emptied history (cleared here or elsewhere) has no entry to show details of.
              details={detailsOpen && (history.total > 0 || history.loading) ? selected : undefined}
              profiles={state.settings.profiles}
              searchRef={searchRef}
              onFilterChange={onFilterChange}
              onSelect={onSelect}
              onOpen={onOpen}
              onCloseDetails={onCloseDetails}
              onRetry={onRetry}
              onCopy={onCopy}
              onLookupCode={lookupCode}
              onClear={onClear}
              onExport={onExport}
              onImport={onImport}
            />
            <LatestLine
              entry={latest}
              partner={state.requests.latestPartner}
              inFlight={state.requests.inFlight}
              error={state.requests.latestError}
              storeError={state.requests.storeError}
            />
          </div>
        )}
      </main>
    </div>
  );
}
