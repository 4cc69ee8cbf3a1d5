import { useEffect, useRef, useState } from 'preact/hooks';
import { activeProfile, updateProfile, type Settings } from '../core/settings.ts';
import {
  checkProfileName,
  newCustomProfile,
  withProfileAdded,
  withProfileDeleted,
  type Profile,
} from '../core/profiles.ts';
import type { InspectorClient } from './client.ts';
import type { EditTracker } from './edit-tracker.ts';
import type { FieldErrorsState } from './useFieldErrors.ts';
import type { InitialValues } from './Loader.tsx';
import { useWhenReplaced } from './useWhenReplaced.ts';

export type ProfilePatch = Partial<Omit<Profile, 'id' | 'builtIn'>>;

/**
 * The settings as this view shows them, the environments (profiles) among them, and the environment name
 * field. `onShown` hears of each profile shown, and whether it is another one than before: the key and Base
 * URL fields follow it.
 */
export function useEnvironments(
  client: InspectorClient,
  initial: InitialValues,
  edits: EditTracker,
  fieldErrors: FieldErrorsState,
  onShown: (profile: Profile, switched: boolean) => void,
) {
  const [settings, setSettings] = useState(initial.settings);
  const profile = activeProfile(settings);
  const [profileNameText, setProfileNameText] = useState(profile.name);
  const activeId = useRef(profile.id);
  activeId.current = profile.id;
  // Subscriptions made at the first render call the fields of the latest one.
  const latestOnShown = useRef(onShown);
  latestOnShown.current = onShown;

  const show = (next: Settings) => {
    const nextProfile = activeProfile(next);
    const switched = nextProfile.id !== activeId.current;
    activeId.current = nextProfile.id;
    setSettings(next);
    if (switched || !edits.isEditing('profileName')) setProfileNameText(nextProfile.name);
    latestOnShown.current(nextProfile, switched);
  };

  // The popup painted from its first-paint copy; the stored settings take over unless the operator changed some.
  useWhenReplaced(initial, (stored) => {
    if (!edits.changedSinceOpening('settings')) show(stored.settings);
  });

  useEffect(
    () =>
      client.onSettingsChange((next) => {
        edits.heardOfChange();
        show(next);
      }),
    [client],
  );

  const editProfile = (patch: ProfilePatch) => {
    const id = profile.id;
    setSettings((current) => updateProfile(current, id, patch));
    edits.wrote(
      'settings',
      client.updateSettings((current) => updateProfile(current, id, patch)),
    );
  };

  /** One click switches the environment: its base URL and its own key come with it. */
  const onSelectProfile = (id: string) => {
    if (id === profile.id) return;
    show({ ...settings, activeProfileId: id });
    edits.wrote('settings', client.updateSettings({ activeProfileId: id }));
  };

  const onAddProfile = () => {
    const added = newCustomProfile(settings.profiles, Date.now());
    show(withProfileAdded(settings, added));
    edits.wrote(
      'settings',
      client.updateSettings((current) => withProfileAdded(current, added)),
    );
  };

  const onRenameProfile = (name: string) => {
    setProfileNameText(name);
    const problem = checkProfileName(name, settings.profiles, profile.id);
    fieldErrors.set('profileName', problem);
    if (problem !== undefined) return;
    const id = profile.id;
    const patch = { name: name.trim() };
    setSettings((current) => updateProfile(current, id, patch));
    const write = client.updateSettings((current) => updateProfile(current, id, patch));
    edits.wrote('settings', edits.editedUntil('profileName', write));
  };

  const onDeleteProfile = () => {
    if (profile.builtIn) return;
    const id = profile.id;
    show(withProfileDeleted(settings, id));
    edits.wrote('settings', client.forgetKey(id));
    edits.wrote(
      'settings',
      client.updateSettings((current) => withProfileDeleted(current, id)),
    );
  };

  const onSettingsChange = (patch: Partial<Settings>) => {
    edits.wrote('settings', client.updateSettings(patch).then(setSettings));
  };

  return {
    settings,
    profile,
    profileNameText,
    /** Whether `id` is still the active environment (a key read for another one arrives too late to show). */
    isActive: (id: string) => activeId.current === id,
    editProfile,
    actions: { onSelectProfile, onAddProfile, onRenameProfile, onDeleteProfile, onSettingsChange },
  };
}

export type Environments = ReturnType<typeof useEnvironments>;
