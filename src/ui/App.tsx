import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import type { InspectorClient } from './client.ts';
import { ApiKeyField } from './components/ApiKeyField.tsx';
import { BaseUrlField } from './components/BaseUrlField.tsx';
import { EntryDetails } from './components/EntryDetails.tsx';
import { Field } from './components/Field.tsx';
import { HistoryList } from './components/HistoryList.tsx';
import { LatestResult } from './components/LatestResult.tsx';
import { RequestSettings } from './components/RequestSettings.tsx';
import { useInspector } from './useInspector.ts';

export type Variant = 'popup' | 'panel';

/** The popup has room for the most recent entries; the panel shows the whole history with details. */
const POPUP_HISTORY_LIMIT = 10;

export function App({ client, variant }: { client: InspectorClient; variant: Variant }) {
  const [initial, setInitial] = useState<{ settings: Settings; apiKey: string }>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    // The form appears only once stored values are in, so nothing typed early is overwritten by them.
    Promise.all([client.loadSettings(), client.loadKey()]).then(
      ([settings, apiKey]) => setInitial({ settings, apiKey }),
      (error: unknown) => setLoadError(`Settings could not be read: ${String(error)}`),
    );
  }, [client]);
  if (loadError) return <p role="alert">{loadError}</p>;
  if (!initial) return <p class="loading">Loading…</p>;
  return <Inspector client={client} variant={variant} initial={initial} />;
}

function Inspector(props: { client: InspectorClient; variant: Variant; initial: { settings: Settings; apiKey: string } }) {
  const limit = props.variant === 'popup' ? POPUP_HISTORY_LIMIT : props.initial.settings.historyCap;
  const { state, actions } = useInspector(props.client, props.initial, limit);
  const [selectedId, setSelectedId] = useState<string>();
  const selected = state.history.entries.find((entry) => entry.id === selectedId);
  const id = props.variant;
  return (
    <div class={`app ${props.variant}`}>
      <header>
        <h1>Linq Typing Inspector</h1>
      </header>
      <main class="layout">
        <div class="controls">
          <form
            class="fire-form"
            aria-label="Stop typing"
            onSubmit={(event) => {
              event.preventDefault();
              void actions.fire(state.chatId);
            }}
          >
            <ApiKeyField
              idPrefix={id}
              apiKey={state.apiKey}
              remember={state.settings.rememberKey}
              error={state.errors.apiKey}
              onKeyInput={actions.onKeyInput}
              onRememberChange={actions.onRememberChange}
              onForget={actions.onForgetKey}
            />
            <BaseUrlField
              idPrefix={id}
              value={state.baseUrlText}
              error={state.errors.baseUrl}
              hasAccess={state.hasHostAccess}
              onInput={actions.onBaseUrlInput}
              onBlur={actions.onBaseUrlBlur}
              onReset={actions.onResetBaseUrl}
              onGrantAccess={actions.onGrantAccess}
            />
            <Field
              id={`${id}-chat-id`}
              label="Chat ID"
              value={state.chatId}
              error={state.errors.chatId}
              placeholder="e.g. 1b4e28ba-2fa1-4d2b-883f-0016d3cca427"
              onInput={actions.onChatIdInput}
              onEnter={() => void actions.fire(state.chatId)}
            />
            <div class="fire-row">
              <button type="submit" class="primary" aria-busy={state.inFlight > 0 ? 'true' : undefined}>
                Stop typing
              </button>
              {state.inFlight > 0 ? (
                <span class="spinner" aria-hidden="true">
                  sending…
                </span>
              ) : null}
            </div>
            <RequestSettings idPrefix={id} settings={state.settings} onChange={actions.onSettingsChange} />
          </form>
          <LatestResult
            entry={state.latest}
            inFlight={state.inFlight}
            error={state.latestError}
            storeError={state.storeError}
          />
        </div>
        <HistoryList
          entries={state.history.entries}
          total={state.history.total}
          error={state.history.error}
          selectedId={selectedId}
          onSelect={props.variant === 'panel' ? setSelectedId : undefined}
          onRetry={(chatId) => void actions.fire(chatId)}
          onClear={() => void actions.clearHistory()}
        />
        {props.variant === 'panel' && selected ? <EntryDetails entry={selected} /> : null}
      </main>
    </div>
  );
}
