import { useEffect, useState } from 'preact/hooks';
import { checkBaseUrl } from '../core/linq/settings-rules.ts';
import { defaultBaseUrl, type Profile } from '../core/profiles.ts';
import type { InspectorClient } from './client.ts';
import type { EditTracker } from './edit-tracker.ts';
import type { FieldErrorsState } from './useFieldErrors.ts';
import type { Environments } from './useEnvironments.ts';

/**
 * The Base URL field and the host access it needs. Text is saved only when valid: a valid URL applies while
 * typing, an invalid one stays in the field with its message on blur or on Stop typing.
 */
export function useBaseUrlField(
  client: InspectorClient,
  environments: Environments,
  edits: EditTracker,
  fieldErrors: FieldErrorsState,
) {
  const { profile } = environments;
  const [baseUrlText, setBaseUrlText] = useState(profile.baseUrl);
  const [hasHostAccess, setHasHostAccess] = useState(true);

  useEffect(() => {
    let current = true;
    // A saved base URL the rules now refuse (plain http to another computer, say) is nothing to grant access
    // to: the field's message says why it cannot be used.
    if (!checkBaseUrl(profile.baseUrl).ok) {
      setHasHostAccess(true);
      return;
    }
    void client.hasHostAccess(profile.baseUrl).then((has) => current && setHasHostAccess(has));
    return () => {
      current = false;
    };
  }, [client, profile.baseUrl]);

  /** Saves the text if it is a valid URL, else shows why not; says whether it was valid. */
  const apply = (text: string): boolean => {
    const checked = checkBaseUrl(text);
    if (!checked.ok) {
      fieldErrors.set('baseUrl', checked.reason);
      return false;
    }
    fieldErrors.set('baseUrl', undefined);
    if (checked.value !== profile.baseUrl) environments.editProfile({ baseUrl: checked.value });
    return true;
  };

  const onBaseUrlInput = (text: string) => {
    setBaseUrlText(text);
    edits.begin('baseUrl');
    // Apply quietly while typing; the message appears on blur or on Stop typing, not mid-word.
    if (checkBaseUrl(text).ok) apply(text);
  };

  const onBaseUrlBlur = () => {
    edits.end('baseUrl');
    apply(baseUrlText);
  };

  const onResetBaseUrl = () => {
    const base = defaultBaseUrl(profile);
    setBaseUrlText(base);
    apply(base);
  };

  const onGrantAccess = () => {
    // permissions.request must be called straight from the click for Chrome to show its prompt.
    void client.requestHostAccess(profile.baseUrl).then((granted) => {
      setHasHostAccess(granted);
      if (granted) fieldErrors.set('baseUrl', undefined);
    });
  };

  return {
    baseUrlText,
    hasHostAccess,
    apply,
    /** The environment shown changed, or its stored base URL did: shown unless the operator is typing in it. */
    follow: (shown: Profile, switched: boolean) => {
      if (switched || !edits.isEditing('baseUrl')) setBaseUrlText(shown.baseUrl);
    },
    actions: { onBaseUrlInput, onBaseUrlBlur, onResetBaseUrl, onGrantAccess },
  };
}
