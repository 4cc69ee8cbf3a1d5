import { useState } from 'preact/hooks';
import type { HistoryFilter } from '../core/history-filter.ts';
import type { InspectorClient } from './client.ts';
import { Controls } from './Controls.tsx';
import { EntryDetails } from './components/EntryDetails.tsx';
import { HistoryBrowserView } from './components/HistoryBrowser.tsx';
import { Loader, type InitialValues } from './Loader.tsx';
import { useHistoryBrowser } from './useHistoryBrowser.ts';
import { useInspector } from './useInspector.ts';

export interface PanelAppProps {
  client: InspectorClient;
  initialFilter: HistoryFilter;
  /** The panel page keeps the filter in its URL, so a panel tab can be bookmarked. */
  onFilterChange(filter: HistoryFilter): void;
}

export function PanelApp(props: PanelAppProps) {
  return <Loader client={props.client}>{(initial) => <Panel {...props} initial={initial} />}</Loader>;
}

function Panel(props: PanelAppProps & { initial: InitialValues }) {
  const { state, actions } = useInspector(props.client, props.initial);
  const [filter, setFilter] = useState(props.initialFilter);
  const browser = useHistoryBrowser(props.client, filter);
  const [selectedId, setSelectedId] = useState<string>();
  const [clearError, setClearError] = useState<string>();
  const selected = selectedId === undefined ? undefined : browser.entry(selectedId);
  return (
    <div class="app panel">
      <header>
        <h1>Linq Typing Inspector</h1>
      </header>
      <main class="layout">
        <Controls idPrefix="panel" state={state} actions={actions} />
        <HistoryBrowserView
          browser={{ ...browser, error: clearError ?? browser.error }}
          filter={filter}
          selectedId={selectedId}
          onFilterChange={(next) => {
            setFilter(next);
            props.onFilterChange(next);
          }}
          onSelect={(id) => {
            setSelectedId(id);
            browser.want([id]);
          }}
          onRetry={(chatId) => void actions.fire(chatId)}
          onClear={() => void props.client.clearHistory().then((reply) => setClearError(reply.ok ? undefined : reply.message))}
        />
        {selected ? <EntryDetails entry={selected} /> : null}
      </main>
    </div>
  );
}
