import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import { REHEARSAL_LIMITS } from '../core/linq/settings-rules.ts';
import type { InspectorClient } from './client.ts';
import type { FieldErrorsState } from './useFieldErrors.ts';
import { useRequests } from './useRequests.ts';

const RETRY_KIND = { 'typing.start': 'start', 'typing.stop': 'stop', 'chat.check': 'check' } as const;

/**
 * What a request is fired at (the chat ID, the rehearsal's wait) and the requests themselves. `prepare`
 * checks the form first: false when something must be fixed, else what the worker may assume.
 */
export function useFireState(
  client: InspectorClient,
  fieldErrors: FieldErrorsState,
  prepare: (chatId: string) => Promise<false | { settingsUnchanged: boolean }>,
) {
  const [chatId, setChatId] = useState('');
  const [rehearsalSeconds, setRehearsalSeconds] = useState<number>(REHEARSAL_LIMITS.default);
  // The worker reconciles what a stopped worker left pending when it starts; a view opening starts it.
  useEffect(() => client.wakeWorker(), [client]);

  const { requests, fire: fireAction, sendAnyway, cancelHeldBack } = useRequests(client, prepare, fieldErrors.set);
  const fire = (chatIdInput: string, kind: 'stop' | 'start' | 'check' = 'stop') =>
    fireAction({ kind, chatId: chatIdInput });
  /** Retry repeats an entry's own operation, for its chat, with the current settings. */
  const retry = (entry: HistoryEntry) => void fire(entry.chatId, RETRY_KIND[entry.operation]);
  const rehearse = (chatIdInput: string) =>
    fireAction({ kind: 'rehearse', chatId: chatIdInput, seconds: rehearsalSeconds });

  const onChatIdInput = (value: string) => {
    setChatId(value);
    fieldErrors.set('chatId', undefined);
  };

  return {
    chatId,
    rehearsalSeconds,
    requests,
    actions: {
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
