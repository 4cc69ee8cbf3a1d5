import { useEffect, useState } from 'preact/hooks';
import { activeProfile } from '../core/settings.ts';
import type { InspectorClient } from './client.ts';
import type { EditTracker } from './edit-tracker.ts';
import type { FieldErrorsState } from './useFieldErrors.ts';
import type { Environments } from './useEnvironments.ts';
import type { InitialValues } from './Loader.tsx';
import { useWhenReplaced } from './useWhenReplaced.ts';
import { rememberUnlessPageMenu } from './firefox-remember-guard.ts';

/** The active environment's API key field: each environment has its own key. */
export function useKeyField(
  client: InspectorClient,
  initial: InitialValues,
  environments: Environments,
  edits: EditTracker,
  fieldErrors: FieldErrorsState,
) {
  const [apiKey, setApiKey] = useState(initial.apiKey);
  const { profile, isActive } = environments;

  // `unlessTyped`: an echo's read may answer after the operator typed again, and the field keeps what was typed.
  const showStoredKey = (profileId: string, unlessTyped = false) =>
    void client
      .loadKey(profileId)
      .then((key) => isActive(profileId) && !(unlessTyped && edits.isEditing('apiKey')) && setApiKey(key));

  // The stored key replaces the first-paint copy's empty one, unless the operator has typed one since.
  useWhenReplaced(initial, (stored) => {
    if (!edits.changedSinceOpening('key') && isActive(activeProfile(stored.settings).id)) setApiKey(stored.apiKey);
  });

  useEffect(
    () =>
      client.onKeyChange((profileId) => {
        edits.heardOfChange();
        if (isActive(profileId) && !edits.isEditing('apiKey')) showStoredKey(profileId, true);
      }),
    [client],
  );

  const onKeyInput = (key: string) => {
    setApiKey(key);
    fieldErrors.set('apiKey', undefined);
    edits.wrote('key', edits.editedUntil('apiKey', client.saveKey(profile.id, key.trim(), profile.rememberKey)));
  };

  const onRememberChange = (remember: boolean) => {
    environments.editProfile({ rememberKey: remember });
    edits.wrote('settings', client.rememberKey(profile.id, remember));
  };

  const onForgetKey = () => {
    setApiKey('');
    edits.wrote('key', client.forgetKey(profile.id));
  };

  return {
    apiKey,
    /** The key field waits for the stored key (the popup painted from its first-paint copy). */
    keyPending: initial.keyPending === true && !edits.changedSinceOpening('key'),
    /** The environment shown changed: its own key comes with it. */
    follow: (shown: { id: string }, switched: boolean) => {
      if (switched) showStoredKey(shown.id);
    },
    actions: {
      onKeyInput,
      // A build constant: Chrome's build keeps only the plain handler.
      onRememberChange: LINQ_FIREFOX_BUILD
        ? rememberUnlessPageMenu(onRememberChange, client.pageMenu, (reason) => {
            // Cleared, then set: a second refusal still re-renders, which unticks the box again.
            fieldErrors.set('apiKey', undefined);
            fieldErrors.set('apiKey', reason);
          })
        : onRememberChange,
      onForgetKey,
    },
  };
}
