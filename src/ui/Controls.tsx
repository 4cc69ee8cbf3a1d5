import { ApiKeyField } from './components/ApiKeyField.tsx';
import { BaseUrlField } from './components/BaseUrlField.tsx';
import { Field } from './components/Field.tsx';
import { EnvironmentPicker } from './components/EnvironmentPicker.tsx';
import { activeProfile } from '../core/settings.ts';
import { defaultBaseUrl } from '../core/profiles.ts';
import { FireButtons } from './components/FireButtons.tsx';
import { secondsLeft, useNow } from './useNow.ts';
import { rateLimitedUntil } from './useRequests.ts';
import { LatestResult } from './components/LatestResult.tsx';
import { SettingsSection } from './components/SettingsSection.tsx';
import type { InspectorState } from './useInspector.ts';
import type { useInspector } from './useInspector.ts';
import { fireFormProps } from './fire-form.ts';

type Actions = ReturnType<typeof useInspector>['actions'];

/** The form and the latest result: identical in the popup and the panel. */
export interface ControlsProps {
  idPrefix: string;
  state: InspectorState;
  actions: Actions;
  onLookupCode(code: number): void;
}

export function Controls({ idPrefix, state, actions, onLookupCode }: ControlsProps) {
  const { requests } = state;
  const profile = activeProfile(state.settings);
  const until = rateLimitedUntil(requests, state.chatId);
  const now = useNow(until > Date.now());
  const waitSeconds = secondsLeft(until, now);
  return (
    <div class="controls">
      <form class="fire-form" aria-label="Typing request" {...fireFormProps(() => void actions.fire(state.chatId))}>
        <EnvironmentPicker
          idPrefix={idPrefix}
          profiles={state.settings.profiles}
          activeId={state.settings.activeProfileId}
          nameText={state.profileNameText}
          nameError={state.errors.profileName}
          onSelect={actions.onSelectProfile}
          onAdd={actions.onAddProfile}
          onNameInput={actions.onRenameProfile}
          onDelete={actions.onDeleteProfile}
        />
        <ApiKeyField
          idPrefix={idPrefix}
          apiKey={state.apiKey}
          loading={state.keyPending}
          remember={profile.rememberKey}
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
          defaultValue={defaultBaseUrl(profile)}
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
        <FireButtons
          idPrefix={idPrefix}
          inFlight={requests.inFlight}
          waitSeconds={waitSeconds}
          rehearsalSeconds={state.rehearsalSeconds}
          heldBack={requests.heldBack !== undefined}
          onStart={() => void actions.fire(state.chatId, 'start')}
          onCheck={() => void actions.fire(state.chatId, 'check')}
          onRehearse={() => void actions.rehearse(state.chatId)}
          onRehearsalSecondsChange={actions.onRehearsalSecondsChange}
          onSendAnyway={actions.sendAnyway}
          onCancelHeldBack={actions.cancelHeldBack}
        />
        <SettingsSection
          idPrefix={idPrefix}
          settings={state.settings}
          onChange={actions.onSettingsChange}
          pageMenu={actions.pageMenu}
        />
      </form>
      <LatestResult
        entry={requests.latest}
        partner={requests.latestPartner}
        handles={requests.latestHandles}
        inFlight={requests.inFlight}
        error={requests.latestError}
        storeError={requests.storeError}
        onLookupCode={onLookupCode}
      />
    </div>
  );
}
