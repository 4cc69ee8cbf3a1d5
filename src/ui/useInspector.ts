import { useState } from 'preact/hooks';
import { checkForm } from '../core/check-form.ts';
import type { Settings } from '../core/settings.ts';
import type { InspectorClient } from './client.ts';
import { createEditTracker } from './edit-tracker.ts';
import type { RequestsState } from './useRequests.ts';
import type { InitialValues } from './Loader.tsx';
import { useBaseUrlField } from './useBaseUrlField.ts';
import { useEnvironments } from './useEnvironments.ts';
import { useFieldErrors, type FieldErrors } from './useFieldErrors.ts';
import { useFireState } from './useFireState.ts';
import { useKeyField } from './useKeyField.ts';

export type { FieldErrors } from './useFieldErrors.ts';

export interface InspectorState {
  settings: Settings;
  apiKey: string;
  baseUrlText: string;
  profileNameText: string;
  chatId: string;
  errors: FieldErrors;
  hasHostAccess: boolean;
  requests: RequestsState;
  rehearsalSeconds: number;
  /** The key field waits for the stored key (the popup painted from its first-paint copy). */
  keyPending: boolean;
}

/**
 * The view state of one popup or panel, over an InspectorClient. The UI renders from the stored history, so
 * every open view converges on the same truth; this view's own reply only decides what "latest" is.
 * `initial` changes at most once: from the popup's first-paint copy to the stored values.
 */
export function useInspector(client: InspectorClient, initial: InitialValues) {
  const [edits] = useState(createEditTracker);
  const fieldErrors = useFieldErrors();
  const environments = useEnvironments(client, initial, edits, fieldErrors, (profile, switched) => {
    baseUrl.follow(profile, switched);
    key.follow(profile, switched);
    if (switched) fieldErrors.clear();
  });
  const key = useKeyField(client, initial, environments, edits, fieldErrors);
  const baseUrl = useBaseUrlField(client, environments, edits, fieldErrors);

  /** Validates locally first, so bad input gets its message beside the field and nothing is sent. */
  const prepare = async (chatId: string) => {
    const { ok, problems } = checkForm({
      chatId,
      // Until the stored key is in (the popup's first few milliseconds), the worker is the one to check it.
      apiKey: key.keyPending ? undefined : key.apiKey,
      baseUrlText: baseUrl.baseUrlText,
      hasHostAccess: baseUrl.hasHostAccess,
    });
    // Re-rendering costs milliseconds before the request can leave; clean input with no messages needs none.
    if (!ok || fieldErrors.any()) fieldErrors.showOnly(problems);
    if (!ok) return false;
    baseUrl.apply(baseUrl.baseUrlText);
    return edits.beforeRequest();
  };
  const fireState = useFireState(client, fieldErrors, prepare);

  const state: InspectorState = {
    settings: environments.settings,
    apiKey: key.apiKey,
    baseUrlText: baseUrl.baseUrlText,
    profileNameText: environments.profileNameText,
    chatId: fireState.chatId,
    errors: fieldErrors.errors,
    hasHostAccess: baseUrl.hasHostAccess,
    requests: fireState.requests,
    rehearsalSeconds: fireState.rehearsalSeconds,
    keyPending: key.keyPending,
  };
  return {
    state,
    actions: {
      ...key.actions,
      ...baseUrl.actions,
      ...environments.actions,
      ...fireState.actions,
      pageMenu: client.pageMenu,
    },
  };
}
