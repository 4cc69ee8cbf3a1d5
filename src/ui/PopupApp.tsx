import { useState } from 'preact/hooks';
import type { InspectorClient } from './client.ts';
import { Controls } from './Controls.tsx';
import { activeProfile } from '../core/settings.ts';
import { RECENT_LIMIT } from '../core/recent-history.ts';
import { HistoryList as HistoryListView } from './components/HistoryList.tsx';
import { pure, useStableCallback } from './pure.ts';
import { Loader, type InitialValues } from './Loader.tsx';
import { useInspector } from './useInspector.ts';
import { useRecentHistory, type RecentHistory } from './useRecentHistory.ts';
import { useRememberFirstPaint } from './useRememberFirstPaint.ts';

export interface PopupAppProps {
  client: InspectorClient;
  fullHistoryUrl: string;
  /** Opens the panel page's Codes view at one code. */
  openCodeLookup(code: number): void;
}

export function PopupApp(props: PopupAppProps) {
  // The history read starts now, alongside the settings read, rather than after it.
  const history = useRecentHistory(props.client, RECENT_LIMIT);
  // Read once, synchronously: the popup paints from it in its first frame instead of waiting for storage.
  const [firstPaint] = useState(() => props.client.readFirstPaint());
  return (
    <Loader client={props.client} firstPaint={firstPaint}>
      {(initial) => <Popup {...props} initial={initial} history={history} />}
    </Loader>
  );
}

const HistoryList = pure(HistoryListView);

function Popup(props: PopupAppProps & { initial: InitialValues; history: RecentHistory }) {
  const { state, actions } = useInspector(props.client, props.initial);
  // Until its own read arrives, the popup lists the worker's copy of the newest entries, if there is one.
  const copy = props.initial.recent;
  const history =
    props.history.loaded || !copy
      ? props.history
      : { ...props.history, entries: copy.entries, total: copy.total, loaded: true };
  const [clearError, setClearError] = useState<string>();
  // The count is known only after the rows: its own read learns it last.
  useRememberFirstPaint(props.client, !props.initial.keyPending, state.settings, history.entries, history.total);
  const onRetry = useStableCallback(actions.retry);
  const onClear = useStableCallback(() =>
    props.client.clearHistory().then((reply) => setClearError(reply.ok ? undefined : reply.message)),
  );
  return (
    <div class="app popup">
      <header>
        <h1>Linq Typing Inspector</h1>
        <p class="active-env">
          Environment: <strong>{activeProfile(state.settings).name}</strong>
        </p>
      </header>
      <main class="layout">
        <Controls idPrefix="popup" state={state} actions={actions} onLookupCode={props.openCodeLookup} />
        <HistoryList
          entries={history.entries}
          total={history.total}
          loaded={history.loaded}
          error={clearError ?? history.error}
          fullHistoryUrl={props.fullHistoryUrl}
          onRetry={onRetry}
          onLookupCode={props.openCodeLookup}
          onClear={onClear}
        />
      </main>
    </div>
  );
}
