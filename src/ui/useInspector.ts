import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import { checkChatId } from '../core/linq/chat-id.ts';
import { checkApiKey, checkBaseUrl, DEFAULT_BASE_URL, REHEARSAL_LIMITS } from '../core/linq/settings-rules.ts';
import type { FieldName } from '../core/linq/request.ts';
import type { Settings } from '../core/settings.ts';
import type { InspectorClient } from './client.ts';
import { useRequests, type RequestsState } from './useRequests.ts';

export type FieldErrors = Partial<Record<FieldName, string>>;

export interface InspectorState {
  settings: Settings;
  apiKey: string;
  baseUrlText: string;
  chatId: string;
  errors: FieldErrors;
  hasHostAccess: boolean;
  requests: RequestsState;
  rehearsalSeconds: number;
}

/**
 * The view state of one popup or panel, over an InspectorClient. The UI renders from the stored history, so
 * every open view converges on the same truth; this view's own reply only decides what "latest" is.
 */
export function useInspector(client: InspectorClient, initial: { settings: Settings; apiKey: string }) {
  const [settings, setSettings] = useState(initial.settings);
  const [apiKey, setApiKey] = useState(initial.apiKey);
  const [baseUrlText, setBaseUrlText] = useState(initial.settings.baseUrl);
  const [chatId, setChatId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [hasHostAccess, setHasHostAccess] = useState(true);
  const [rehearsalSeconds, setRehearsalSeconds] = useState<number>(REHEARSAL_LIMITS.default);
  // Writes of the key and settings must land before a request reads them from storage.
  const pendingWrites = useRef<Promise<unknown>>(Promise.resolve());
  const track = (write: Promise<unknown>) => {
    pendingWrites.current = Promise.all([pendingWrites.current, write.catch(() => undefined)]);
  };
  // Echoes of this view's own writes must not overwrite a field the operator is still typing in.
  const editing = useRef<Set<string>>(new Set());

  useEffect(() => {
    client.wakeWorker();
    const unsubscribers = [
      client.onSettingsChange((next) => {
        setSettings(next);
        if (!editing.current.has('baseUrl')) setBaseUrlText(next.baseUrl);
      }),
      client.onKeyChange((key) => {
        if (!editing.current.has('apiKey')) setApiKey(key);
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client]);

  useEffect(() => {
    let current = true;
    void client.hasHostAccess(settings.baseUrl).then((has) => current && setHasHostAccess(has));
    return () => {
      current = false;
    };
  }, [client, settings.baseUrl]);

  const setError = (field: FieldName, message: string | undefined) =>
    setErrors((current) => ({ ...current, [field]: message }));

  const onKeyInput = (key: string) => {
    editing.current.add('apiKey');
    setApiKey(key);
    setError('apiKey', undefined);
    track(client.saveKey(key.trim(), settings.rememberKey).finally(() => editing.current.delete('apiKey')));
  };

  const onRememberChange = (remember: boolean) => {
    setSettings((current) => ({ ...current, rememberKey: remember }));
    track(client.updateSettings({ rememberKey: remember }).then(() => client.rememberKey(remember)));
  };

  const onForgetKey = () => {
    setApiKey('');
    track(client.forgetKey());
  };

  const applyBaseUrl = (text: string): boolean => {
    const checked = checkBaseUrl(text);
    if (!checked.ok) {
      setError('baseUrl', checked.reason);
      return false;
    }
    setError('baseUrl', undefined);
    if (checked.value !== settings.baseUrl) {
      setSettings((current) => ({ ...current, baseUrl: checked.value }));
      track(client.updateSettings({ baseUrl: checked.value }));
    }
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
    setBaseUrlText(DEFAULT_BASE_URL);
    applyBaseUrl(DEFAULT_BASE_URL);
  };

  const onGrantAccess = () => {
    // permissions.request must be called straight from the click for Chrome to show its prompt.
    void client.requestHostAccess(settings.baseUrl).then((granted) => {
      setHasHostAccess(granted);
      if (granted) setError('baseUrl', undefined);
    });
  };

  const onSettingsChange = (patch: Partial<Settings>) => {
    track(client.updateSettings(patch).then(setSettings));
  };

  const onChatIdInput = (value: string) => {
    setChatId(value);
    setError('chatId', undefined);
  };

  /** Validates locally first, so bad input gets its message beside the field and nothing is sent. */
  const prepare = async (chatIdInput: string): Promise<boolean> => {
    const problems: FieldErrors = {};
    const chat = checkChatId(chatIdInput);
    if (!chat.ok) problems.chatId = chat.reason;
    const key = checkApiKey(apiKey);
    if (!key.ok) problems.apiKey = key.reason;
    const base = checkBaseUrl(baseUrlText);
    if (!base.ok) problems.baseUrl = base.reason;
    else if (!hasHostAccess) problems.baseUrl = `The extension has no access to ${new URL(base.value).host}. Use "Grant access" first.`;
    setErrors(problems);
    if (Object.keys(problems).length > 0) return false;
    if (base.ok) applyBaseUrl(baseUrlText);
    await pendingWrites.current;
    return true;
  };

  const { requests, fire: fireAction, sendAnyway, cancelHeldBack } = useRequests(client, prepare, setError);
  const fire = (chatIdInput: string, kind: 'stop' | 'start' = 'stop') => fireAction({ kind, chatId: chatIdInput });
  /** Retry repeats an entry's own operation, for its chat, with the current settings. */
  const retry = (entry: HistoryEntry) => void fire(entry.chatId, entry.operation === 'typing.start' ? 'start' : 'stop');
  const rehearse = (chatIdInput: string) => fireAction({ kind: 'rehearse', chatId: chatIdInput, seconds: rehearsalSeconds });

  const state: InspectorState = {
    settings,
    apiKey,
    baseUrlText,
    chatId,
    errors,
    hasHostAccess,
    requests,
    rehearsalSeconds,
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
      onChatIdInput,
      fire,
      rehearse,
      retry,
      sendAnyway,
      cancelHeldBack,
      onRehearsalSecondsChange: setRehearsalSeconds,
    },
  };
}
