import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import { checkChatId } from '../core/linq/chat-id.ts';
import { checkApiKey, checkBaseUrl, REHEARSAL_LIMITS } from '../core/linq/settings-rules.ts';
import type { FieldName } from '../core/linq/request.ts';
import { activeProfile, updateProfile, type Settings } from '../core/settings.ts';
import { checkProfileName, defaultBaseUrl, nextCustomName, type Profile } from '../core/profiles.ts';
import type { InspectorClient } from './client.ts';
import { useRequests, type RequestsState } from './useRequests.ts';
import type { InitialValues } from './Loader.tsx';

export type FieldErrors = Partial<Record<FieldName | 'profileName', string>>;

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
  const [settings, setSettings] = useState(initial.settings);
  const profile = activeProfile(settings);
  const [apiKey, setApiKey] = useState(initial.apiKey);
  const [baseUrlText, setBaseUrlText] = useState(profile.baseUrl);
  const [chatId, setChatId] = useState('');
  const [profileNameText, setProfileNameText] = useState(profile.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [hasHostAccess, setHasHostAccess] = useState(true);
  const [rehearsalSeconds, setRehearsalSeconds] = useState<number>(REHEARSAL_LIMITS.default);
  // Writes of the key and settings must land before a request reads them from storage.
  const pendingWrites = useRef<Promise<unknown>>(Promise.resolve());
  // Whether this view has written, or heard of, a change to settings or keys since its last request; the
  // first request of a view always counts as changed. The worker reuses its last read only when not.
  const settingsChanged = useRef(true);
  // What the operator has changed since this view opened: stored values arriving late must not undo it.
  const touched = useRef({ key: false, settings: false });
  const track = (write: Promise<unknown>, what: 'key' | 'settings' = 'settings') => {
    touched.current[what] = true;
    settingsChanged.current = true;
    pendingWrites.current = Promise.all([pendingWrites.current, write.catch(() => undefined)]);
  };
  // Echoes of this view's own writes must not overwrite a field the operator is still typing in.
  const editing = useRef<Set<string>>(new Set());
  const activeId = useRef(profile.id);
  activeId.current = profile.id;

  const showProfile = (next: Settings) => {
    const nextProfile = activeProfile(next);
    const switched = nextProfile.id !== activeId.current;
    activeId.current = nextProfile.id;
    setSettings(next);
    if (switched || !editing.current.has('baseUrl')) setBaseUrlText(nextProfile.baseUrl);
    if (switched || !editing.current.has('profileName')) setProfileNameText(nextProfile.name);
    if (switched) {
      setErrors({});
      void client.loadKey(nextProfile.id).then((key) => activeId.current === nextProfile.id && setApiKey(key));
    }
  };

  // The popup painted from its first-paint copy; the stored settings and key take over when they arrive.
  const shownInitial = useRef(initial);
  useLayoutEffect(() => {
    if (shownInitial.current === initial) return;
    shownInitial.current = initial;
    if (!touched.current.settings) showProfile(initial.settings);
    if (!touched.current.key && activeProfile(initial.settings).id === activeId.current) setApiKey(initial.apiKey);
  }, [initial]);

  useEffect(() => {
    client.wakeWorker();
    const unsubscribers = [
      client.onSettingsChange((next) => {
        settingsChanged.current = true;
        showProfile(next);
      }),
      client.onKeyChange((profileId) => {
        settingsChanged.current = true;
        if (profileId !== activeId.current || editing.current.has('apiKey')) return;
        void client.loadKey(profileId).then((key) => activeId.current === profileId && setApiKey(key));
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client]);

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

  // Returning the same object when nothing changes spares a re-render, e.g. on the way to sending a request.
  const setError = (field: FieldName, message: string | undefined) =>
    setErrors((current) => (current[field] === message ? current : { ...current, [field]: message }));

  const editProfile = (patch: Partial<Omit<Profile, 'id' | 'builtIn'>>) => {
    const id = profile.id;
    setSettings((current) => updateProfile(current, id, patch));
    track(client.updateSettings((current) => updateProfile(current, id, patch)));
  };

  const onKeyInput = (key: string) => {
    editing.current.add('apiKey');
    setApiKey(key);
    setError('apiKey', undefined);
    track(client.saveKey(profile.id, key.trim(), profile.rememberKey).finally(() => editing.current.delete('apiKey')), 'key');
  };

  const onRememberChange = (remember: boolean) => {
    editProfile({ rememberKey: remember });
    track(client.rememberKey(profile.id, remember));
  };

  const onForgetKey = () => {
    setApiKey('');
    track(client.forgetKey(profile.id), 'key');
  };

  const applyBaseUrl = (text: string): boolean => {
    const checked = checkBaseUrl(text);
    if (!checked.ok) {
      setError('baseUrl', checked.reason);
      return false;
    }
    setError('baseUrl', undefined);
    if (checked.value !== profile.baseUrl) editProfile({ baseUrl: checked.value });
    return true;
  };

  const onBaseUrlInput = (text: string) => {
    setBaseUrlText(text);
    editing.current.add('baseUrl');
    // Apply quietly while typing; the message appears on blur or on Stop typing, not mid-word.
    if (checkBaseUrl(text).ok) applyBaseUrl(text);
  };

  const onBaseUrlBlur = () => {
    editing.current.delete('baseUrl');
    applyBaseUrl(baseUrlText);
  };

  const onResetBaseUrl = () => {
    const base = defaultBaseUrl(profile);
    setBaseUrlText(base);
    applyBaseUrl(base);
  };

  const onGrantAccess = () => {
    // permissions.request must be called straight from the click for Chrome to show its prompt.
    void client.requestHostAccess(profile.baseUrl).then((granted) => {
      setHasHostAccess(granted);
      if (granted) setError('baseUrl', undefined);
    });
  };

  /** One click switches the environment: its base URL and its own key come with it. */
  const onSelectProfile = (id: string) => {
    if (id === profile.id) return;
    const next = { ...settings, activeProfileId: id };
    showProfile(next);
    track(client.updateSettings({ activeProfileId: id }));
  };

  const onAddProfile = () => {
    const id = `custom-${Date.now().toString(36)}`;
    const added: Profile = { id, name: nextCustomName(settings.profiles), baseUrl: '', rememberKey: false, builtIn: false };
    const next = { ...settings, profiles: [...settings.profiles, added], activeProfileId: id };
    showProfile(next);
    track(client.updateSettings((current) => ({ ...current, profiles: [...current.profiles, added], activeProfileId: id })));
  };

  const onRenameProfile = (name: string) => {
    setProfileNameText(name);
    const problem = checkProfileName(name, settings.profiles, profile.id);
    setErrors((current) => ({ ...current, profileName: problem }));
    if (problem !== undefined) return;
    const id = profile.id;
    const patch = { name: name.trim() };
    editing.current.add('profileName');
    setSettings((current) => updateProfile(current, id, patch));
    track(client.updateSettings((current) => updateProfile(current, id, patch)).finally(() => editing.current.delete('profileName')));
  };

  const onDeleteProfile = () => {
    if (profile.builtIn) return;
    const id = profile.id;
    const drop = (current: Settings): Settings => ({
      ...current,
      profiles: current.profiles.filter((candidate) => candidate.id !== id),
      activeProfileId: current.activeProfileId === id ? 'production' : current.activeProfileId,
    });
    showProfile(drop(settings));
    track(client.forgetKey(id));
    track(client.updateSettings(drop));
  };

  const onSettingsChange = (patch: Partial<Settings>) => {
    track(client.updateSettings(patch).then(setSettings));
  };

  const onChatIdInput = (value: string) => {
    setChatId(value);
    setError('chatId', undefined);
  };

  /** Validates locally first, so bad input gets its message beside the field and nothing is sent. */
  const prepare = async (chatIdInput: string): Promise<false | { settingsUnchanged: boolean }> => {
    const problems: FieldErrors = {};
    const chat = checkChatId(chatIdInput);
    if (!chat.ok) problems.chatId = chat.reason;
    // Until the stored key is in (the popup's first few milliseconds), the worker, which reads the key
    // itself, is the one to say if it is missing.
    const key = keyPending ? undefined : checkApiKey(apiKey);
    if (key && !key.ok) problems.apiKey = key.reason;
    const base = checkBaseUrl(baseUrlText);
    if (!base.ok) problems.baseUrl = base.reason;
    else if (!hasHostAccess) problems.baseUrl = `The extension has no access to ${new URL(base.value).host}. Use "Grant access" first.`;
    const hasProblems = Object.keys(problems).length > 0;
    // Re-rendering costs milliseconds before the request can leave; clean input with no messages needs none.
    if (hasProblems || Object.values(errors).some((message) => message !== undefined)) setErrors(problems);
    if (hasProblems) return false;
    if (base.ok) applyBaseUrl(baseUrlText);
    await pendingWrites.current;
    const settingsUnchanged = !settingsChanged.current;
    settingsChanged.current = false;
    return { settingsUnchanged };
  };

  const keyPending = initial.keyPending === true && !touched.current.key;
  const { requests, fire: fireAction, sendAnyway, cancelHeldBack } = useRequests(client, prepare, setError);
  const fire = (chatIdInput: string, kind: 'stop' | 'start' = 'stop') => fireAction({ kind, chatId: chatIdInput });
  /** Retry repeats an entry's own operation, for its chat, with the current settings. */
  const retry = (entry: HistoryEntry) => void fire(entry.chatId, entry.operation === 'typing.start' ? 'start' : 'stop');
  const rehearse = (chatIdInput: string) => fireAction({ kind: 'rehearse', chatId: chatIdInput, seconds: rehearsalSeconds });

  const state: InspectorState = {
    settings,
    apiKey,
    baseUrlText,
    profileNameText,
    chatId,
    errors,
    hasHostAccess,
    requests,
    rehearsalSeconds,
    keyPending,
  };
  return {
    state,
    actions: {
      onKeyInput,
      onRememberChange,
      onForgetKey,
      onBaseUrlInput,
      onBaseUrlBlur,
      onResetBaseUrl,
      onGrantAccess,
      onSettingsChange,
      onSelectProfile,
      onAddProfile,
      onRenameProfile,
      onDeleteProfile,
      onChatIdInput,
      fire,
      rehearse,
      retry,
      sendAnyway,
      cancelHeldBack,
      onRehearsalSecondsChange: setRehearsalSeconds,
      pageMenu: client.pageMenu,
    },
  };
}
