import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiKeyField } from './components/ApiKeyField.tsx';
import { BaseUrlField } from './components/BaseUrlField.tsx';
import { Field } from './components/Field.tsx';
import { EnvironmentNameField, EnvironmentPicker } from './components/EnvironmentPicker.tsx';
import { MenuButton } from './components/MenuButton.tsx';
import { FireRow, Rehearsal, type FireButtonsProps } from './components/FireButtons.tsx';
import type { RequestSettingsFields } from './components/RequestSettings.tsx';
import { activeProfile } from '../core/settings.ts';
import { defaultBaseUrl } from '../core/profiles.ts';
import { secondsLeft, useNow } from './useNow.ts';
import { rateLimitedUntil } from './useRequests.ts';
import { useEscapeCloses } from './usePanelKeys.ts';
import type { ControlsProps } from './Controls.tsx';
import type { InspectorState } from './useInspector.ts';
import { fireFormProps } from './fire-form.ts';

const DRAWER_ID = 'panel-settings';

/** What the key status says: where the active environment's key is kept, or that there is none. */
export function keyStatusText(state: InspectorState): string {
  if (state.keyPending) return 'Key: loading…';
  if (state.apiKey === '') return 'Key: none';
  return activeProfile(state.settings).rememberKey ? 'Key: saved ✓' : 'Key: session ✓';
}

/**
 * The panel's form as DevTools lays out a toolbar: environment, Chat ID, Stop/Start and the key status on one
 * row; the key, Base URL and the rest in a drawer the key status (or Settings) opens. One form, so Enter and
 * Ctrl+Enter fire from any of its fields, the drawer's included.
 */
export function PanelControls({ idPrefix, state, actions }: Omit<ControlsProps, 'onLookupCode'>) {
  const { requests, errors } = state;
  const profile = activeProfile(state.settings);
  const until = rateLimitedUntil(requests, state.chatId);
  const now = useNow(until > Date.now());
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Loaded when the drawer first opens, as the popup's Settings do: one lazy chunk for both views.
  const [Fields, setFields] = useState<typeof RequestSettingsFields>();
  useEffect(() => {
    if (drawerOpen && !Fields)
      void import('./components/RequestSettings.tsx').then((module) => setFields(() => module.RequestSettingsFields));
  }, [drawerOpen]);
  // A refused key, URL or name is explained beside its field, which must then be on screen.
  const drawerError = errors.apiKey ?? errors.baseUrl ?? errors.profileName;
  useEffect(() => {
    if (drawerError) setDrawerOpen(true);
  }, [drawerError]);
  const fire: FireButtonsProps = {
    idPrefix,
    inFlight: requests.inFlight,
    waitSeconds: secondsLeft(until, now),
    rehearsalSeconds: state.rehearsalSeconds,
    heldBack: requests.heldBack !== undefined,
    onStart: () => void actions.fire(state.chatId, 'start'),
    onCheck: () => void actions.fire(state.chatId, 'check'),
    onRehearse: () => void actions.rehearse(state.chatId),
    onRehearsalSecondsChange: actions.onRehearsalSecondsChange,
    onSendAnyway: actions.sendAnyway,
    onCancelHeldBack: actions.cancelHeldBack,
  };
  const environment = {
    idPrefix,
    profiles: state.settings.profiles,
    activeId: state.settings.activeProfileId,
    nameText: state.profileNameText,
    nameError: errors.profileName,
    onSelect: actions.onSelectProfile,
    onAdd: actions.onAddProfile,
    onNameInput: actions.onRenameProfile,
    onDelete: actions.onDeleteProfile,
  };
  const toggle = () => setDrawerOpen(!drawerOpen);
  const settingsButton = useRef<HTMLButtonElement>(null);
  useEscapeCloses(document, drawerOpen, () => {
    // Focus inside the drawer would be lost with it: it goes back to the button that opens it.
    const inDrawer = Boolean(document.activeElement?.closest(`#${DRAWER_ID}`));
    setDrawerOpen(false);
    if (inDrawer) settingsButton.current?.focus();
  });
  return (
    <form
      class="fire-form panel-form"
      aria-label="Typing request"
      {...fireFormProps(() => void actions.fire(state.chatId))}
    >
      <div class="toolbar">
        <EnvironmentPicker {...environment} withNameField={false} />
        <Field
          id={`${idPrefix}-chat-id`}
          label="Chat ID"
          value={state.chatId}
          error={errors.chatId}
          placeholder="e.g. 1b4e28ba-2fa1-4d2b-883f-0016d3cca427"
          onInput={actions.onChatIdInput}
          onEnter={() => void actions.fire(state.chatId)}
        />
        <div class="fire">
          <FireRow {...fire} />
        </div>
        <MenuButton id={`${idPrefix}-rehearsal-menu`} label="Rehearse…">
          <Rehearsal {...fire} />
        </MenuButton>
        <span class="toolbar-spacer" />
        <button
          type="button"
          class={`key-status${state.apiKey === '' && !state.keyPending ? ' missing' : ''}`}
          aria-expanded={drawerOpen}
          aria-controls={DRAWER_ID}
          aria-busy={state.keyPending ? 'true' : undefined}
          onClick={toggle}
        >
          {keyStatusText(state)}
        </button>
        <button
          ref={settingsButton}
          type="button"
          class="secondary small"
          aria-expanded={drawerOpen}
          aria-controls={DRAWER_ID}
          onClick={toggle}
        >
          Settings
        </button>
      </div>
      <div id={DRAWER_ID} class="settings-drawer" role="region" aria-label="Settings" hidden={!drawerOpen}>
        <EnvironmentNameField {...environment} />
        <ApiKeyField
          idPrefix={idPrefix}
          apiKey={state.apiKey}
          loading={state.keyPending}
          remember={profile.rememberKey}
          error={errors.apiKey}
          onKeyInput={actions.onKeyInput}
          onRememberChange={actions.onRememberChange}
          onForget={actions.onForgetKey}
        />
        <BaseUrlField
          idPrefix={idPrefix}
          value={state.baseUrlText}
          error={errors.baseUrl}
          hasAccess={state.hasHostAccess}
          defaultValue={defaultBaseUrl(profile)}
          onInput={actions.onBaseUrlInput}
          onBlur={actions.onBaseUrlBlur}
          onReset={actions.onResetBaseUrl}
          onGrantAccess={actions.onGrantAccess}
        />
        {Fields ? (
          <Fields
            idPrefix={idPrefix}
            settings={state.settings}
            onChange={actions.onSettingsChange}
            pageMenu={actions.pageMenu}
            withTrafficHosts
          />
        ) : (
          <p class="loading">Loading…</p>
        )}
      </div>
    </form>
  );
}
