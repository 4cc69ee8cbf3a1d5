import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import type { FieldName } from '../core/linq/request.ts';
import { checkChatId } from '../core/linq/chat-id.ts';
import type { InspectorClient } from './client.ts';

export type RequestAction =
  | { kind: 'stop' | 'start'; chatId: string }
  | { kind: 'rehearse'; chatId: string; seconds: number };

export interface RequestsState {
  inFlight: number;
  latest?: HistoryEntry;
  /** The stop half of the latest rehearsal, shown beside its start. */
  latestPartner?: HistoryEntry;
  latestError?: string;
  storeError?: string;
  /**
   * Until when (ms since epoch) the API asked us to wait after a 429, per chat: Linq's limit is per
   * sender-recipient pair, so a 429 for one chat does not hold back another.
   */
  rateLimits: Record<string, number>;
  /** A request held back by the rate-limit countdown, waiting for "Send anyway". */
  heldBack?: RequestAction;
}

function retryUntil(entry: HistoryEntry | undefined, now: number): number | undefined {
  const seconds = entry?.outcome?.retryAfterSeconds;
  return seconds === undefined || entry?.outcome?.status !== 429 ? undefined : now + seconds * 1000;
}

/**
 * Sending requests from a view: validation happens in `prepare`, the answer becomes the latest result, and
 * a 429's retry-after holds further requests until the operator explicitly sends anyway.
 */
export function useRequests(
  client: InspectorClient,
  prepare: (chatId: string) => Promise<boolean>,
  onFieldError: (field: FieldName, message: string) => void,
) {
  const [state, setState] = useState<RequestsState>({ inFlight: 0, rateLimits: {} });
  const latestId = useRef<string | undefined>(undefined);

  useEffect(
    () =>
      // The latest result follows the stored entry, so a reconcile or a retry elsewhere shows here too.
      client.onHistoryChange((entryId) => {
        const id = latestId.current;
        if (id === undefined || (entryId !== undefined && entryId !== id)) return;
        void client.loadEntries([id]).then(([stored]) => {
          if (stored && latestId.current === id) setState((current) => ({ ...current, latest: stored }));
        });
      }),
    [client],
  );

  const send = async (action: RequestAction) => {
    setState((current) => ({ ...current, inFlight: current.inFlight + 1, latestError: undefined, heldBack: undefined }));
    try {
      const reply =
        action.kind === 'rehearse'
          ? await client.rehearse(action.chatId, action.seconds)
          : await (action.kind === 'start' ? client.startTyping(action.chatId) : client.stopTyping(action.chatId));
      if (!reply.ok) {
        if (reply.field) onFieldError(reply.field, reply.message);
        else setState((current) => ({ ...current, latestError: reply.message }));
        return;
      }
      const [latest, partner] = 'entry' in reply ? [reply.entry, undefined] : [reply.stop ?? reply.start, reply.stop ? reply.start : undefined];
      latestId.current = latest.id;
      const until = retryUntil(latest, Date.now()) ?? retryUntil(partner, Date.now());
      setState((current) => ({
        ...current,
        latest,
        latestPartner: partner,
        storeError: reply.storeError,
        rateLimits: until === undefined ? current.rateLimits : { ...current.rateLimits, [latest.chatId]: until },
      }));
    } finally {
      setState((current) => ({ ...current, inFlight: current.inFlight - 1 }));
    }
  };

  const fire = async (action: RequestAction, options: { force?: boolean } = {}) => {
    if (!(await prepare(action.chatId))) return;
    if (!options.force && Date.now() < rateLimitedUntil(state, action.chatId)) {
      setState((current) => ({ ...current, heldBack: action }));
      return;
    }
    await send(action);
  };

  return {
    requests: state,
    fire,
    sendAnyway: () => state.heldBack && void fire(state.heldBack, { force: true }),
    cancelHeldBack: () => setState((current) => ({ ...current, heldBack: undefined })),
  };
}

/** When the wait for this chat (as typed, in any case or quoting) ends; 0 when there is none. */
export function rateLimitedUntil(state: RequestsState, chatIdInput: string): number {
  const chat = checkChatId(chatIdInput);
  return chat.ok ? (state.rateLimits[chat.chatId] ?? 0) : 0;
}
