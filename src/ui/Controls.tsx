import { ApiKeyField } from './components/ApiKeyField.tsx';
import { BaseUrlField } from './components/BaseUrlField.tsx';
import { Field } from './components/Field.tsx';
import { LatestResult } from './components/LatestResult.tsx';
import { RequestSettings } from './components/RequestSettings.tsx';
import type { InspectorState } from './useInspector.ts';
import type { useInspector } from './useInspector.ts';

type Actions = ReturnType<typeof useInspector>['actions'];

/** The form and the latest result: identical in the popup and the panel. */
export interface ControlsProps {
  idPrefix: string;
  state: InspectorState;
  actions: Actions;
  onLookupCode(code: number): void;
}

export function Controls({ idPrefix, state, actions, onLookupCode }: ControlsProps) {
  return (
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
          idPrefix={idPrefix}
          apiKey={state.apiKey}
          remember={state.settings.rememberKey}
          error={state.errors.apiKey}
          onKeyInput={actions.onKeyInput}
          onRememberChange={actions.onRememberChange}
          onForget={actions.onForgetKey}
        />
        <BaseUrlField
          idPrefix={idPrefix}
          value={state.baseUrlText}
          error={state.errors.baseUrl}
          hasAccess={state.hasHostAccess}
          onInput={actions.onBaseUrlInput}
          onBlur={actions.onBaseUrlBlur}
          onReset={actions.onResetBaseUrl}
          onGrantAccess={actions.onGrantAccess}
        />
        <Field
          id={`${idPrefix}-chat-id`}
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
        <RequestSettings idPrefix={idPrefix} settings={state.settings} onChange={actions.onSettingsChange} />
      </form>
      <LatestResult
        entry={state.latest}
        inFlight={state.inFlight}
        error={state.latestError}
        storeError={state.storeError}
        onLookupCode={onLookupCode}
      />
    </div>
  );
}
