import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CatalogueEntry } from '../core/linq/types.ts';
import type { PanelRoute } from '../core/panel-route.ts';
import type { InspectorClient } from './client.ts';
import { Controls } from './Controls.tsx';
import { activeProfile } from '../core/settings.ts';
import { CodesView } from './components/CodesView.tsx';
import { EntryDetails } from './components/EntryDetails.tsx';
import { ErrorBoundary, EntryFallback } from './components/ErrorBoundary.tsx';
import { PanelHistoryView } from './components/PanelHistory.tsx';
import type { ExportFormat, ExportScope } from './components/HistoryTransfer.tsx';
import { pure, useStableCallback } from './pure.ts';
import { Loader, type InitialValues } from './Loader.tsx';
import { copyEntry } from './sharing.ts';
import { exportEntries, importFile } from './transfer.ts';
import { useFilteredHistory } from './useFilteredHistory.ts';
import { useInspector } from './useInspector.ts';

export interface PanelAppProps {
  client: InspectorClient;
  initialRoute: PanelRoute;
  /** The panel page keeps its route in the URL hash, so a panel tab can be bookmarked. */
  onRouteChange(route: PanelRoute): void;
  /** Route changes from outside (the operator editing the hash, or a code link). */
  subscribeToRoute(listener: (route: PanelRoute) => void): () => void;
}

export function PanelApp(props: PanelAppProps) {
  return <Loader client={props.client}>{(initial) => <Panel {...props} initial={initial} />}</Loader>;
}

const PanelHistory = pure(PanelHistoryView);

function Panel(props: PanelAppProps & { initial: InitialValues }) {
  const { client } = props;
  const { state, actions } = useInspector(client, props.initial);
  const [route, setRoute] = useState(props.initialRoute);
  const history = useFilteredHistory(client, route.filter);
  const [selectedId, setSelectedId] = useState<string>();
  const [clearError, setClearError] = useState<string>();
  const [catalogue, setCatalogue] = useState<readonly CatalogueEntry[]>();
  const selected = selectedId === undefined ? undefined : history.entry(selectedId);

  useEffect(() => props.subscribeToRoute(setRoute), []);
  useEffect(() => {
    // The catalogue is only needed in the Codes view, so it loads the first time that view opens.
    if (route.view === 'codes' && !catalogue)
      void import('../core/linq/catalogue.ts').then((module) => setCatalogue(module.CATALOGUE));
  }, [route.view]);

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
  const onRetry = useStableCallback(actions.retry);
  const onClear = useStableCallback(() =>
    client.clearHistory().then((reply) => setClearError(reply.ok ? undefined : reply.message)),
  );
  const onExport = useStableCallback((format: ExportFormat, scope: ExportScope) =>
    exportEntries(
      client,
      (scope === 'all' ? history.all : history.rows).map((row) => row.id),
      format,
    ),
  );
  const onImport = useStableCallback((file: Blob, onProgress: (text: string) => void, signal: AbortSignal) =>
    importFile(client, file, { onProgress, signal }),
  );

  return (
    <div class="app panel">
      <header class="panel-header">
        <h1>Linq Typing Inspector</h1>
        <p class="active-env">
          Environment: <strong>{activeProfile(state.settings).name}</strong>
        </p>
        <div role="tablist" aria-label="Panel views">
          {(['requests', 'codes'] as const).map((view) => (
            <button
              key={view}
              type="button"
              role="tab"
              id={`tab-${view}`}
              aria-selected={route.view === view}
              aria-controls={`view-${view}`}
              onClick={() => navigate({ ...route, view, code: view === 'codes' ? route.code : undefined })}
            >
              {view === 'requests' ? 'Requests' : 'Codes'}
            </button>
          ))}
        </div>
      </header>
      <main class="panel-main">
        {route.view === 'codes' ? (
          <div class="codes-layout" role="tabpanel" id="view-codes" aria-labelledby="tab-codes">
            {catalogue ? (
              <CodesView catalogue={catalogue} selectedCode={route.code} />
            ) : (
              <p class="loading">Loading…</p>
            )}
          </div>
        ) : (
          <div class="layout" role="tabpanel" id="view-requests" aria-labelledby="tab-requests">
            <Controls idPrefix="panel" state={state} actions={actions} onLookupCode={lookupCode} />
            <PanelHistory
              history={shownHistory}
              filter={route.filter}
              selectedId={selectedId}
              onFilterChange={onFilterChange}
              onSelect={onSelect}
              onRetry={onRetry}
              onLookupCode={lookupCode}
              onClear={onClear}
              onExport={onExport}
              onImport={onImport}
            />
            {selected ? (
              <ErrorBoundary key={selected.id} fallback={<EntryFallback details />}>
                <EntryDetails
                  entry={selected}
                  profiles={state.settings.profiles}
                  onRetry={actions.retry}
                  onCopy={(entry, kind) => copyEntry(client, entry, kind, state.settings.profiles)}
                  onLookupCode={lookupCode}
                />
              </ErrorBoundary>
            ) : null}
          </div>
        )}
      </main>
    </div>
  );
}
