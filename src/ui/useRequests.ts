import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/history.ts';
import type { FieldName } from '../core/linq/request.ts';
import type { CheckReply, RehearseReply, TypingReply } from '../core/protocol.ts';
import { checkChatId } from '../core/linq/chat-id.ts';
import { WORKER_GONE, type InspectorClient } from './client.ts';

export type RequestAction =
  { kind: 'stop' | 'start' | 'check'; chatId: string } | { kind: 'rehearse'; chatId: string; seconds: number };

/** A request shows as in flight ("Sending…", aria-busy) only once it has taken this long. */
export const BUSY_NOTICE_MS = 100;

export interface RequestsState {
  /** Requests in flight for longer than BUSY_NOTICE_MS, as shown; 0 while the others are still quick. */
  inFlight: number;
  latest?: HistoryEntry;
  /** The stop half of the latest rehearsal, shown beside its start. */
  latestPartner?: HistoryEntry;
  latestError?: string;
  storeError?: string;
  /** The latest Check chat's participants' handles: kept only in this view's memory, never stored. */
  latestHandles?: string[];
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
 * The reply arrives before the worker has stored the settled entry, so a read racing it can still find the
 * pending journal entry: that must not turn a shown result back into "Pending".
 */
function fresher(shown: HistoryEntry | undefined, stored: HistoryEntry): HistoryEntry {
  return shown?.id === stored.id && shown.state !== 'pending' && stored.state === 'pending' ? shown : stored;
}

/**
 * Sending requests from a view: validation happens in `prepare`, the answer becomes the latest result, and
 * a 429's retry-after holds further requests until the operator explicitly sends anyway.
 */
export function useRequests(
  client: InspectorClient,
  /** Checks the form; false when something must be fixed first, else what the worker may assume. */
  prepare: (chatId: string) => Promise<false | { settingsUnchanged: boolean }>,
  onFieldError: (field: FieldName, message: string) => void,
) {
  const [state, setState] = useState<RequestsState>({ inFlight: 0, rateLimits: {} });
  const latestId = useRef<string | undefined>(undefined);
  // Requests in flight, shown or not. Most answers arrive within milliseconds: showing "Sending…" for them
  // would flash, and its frame would hold the answer's paint back to the next one.
  const running = useRef(0);
  const showRunning = () =>
    setState((current) => (current.inFlight === running.current ? current : { ...current, inFlight: running.current }));

  useEffect(
    () =>
      // The latest result follows the stored entry, so a reconcile or a retry elsewhere shows here too.
      client.onHistoryChange((entryId, _total, storeError) => {
        const id = latestId.current;
        if (id === undefined || (entryId !== undefined && entryId !== id)) return;
        if (storeError !== undefined) setState((current) => ({ ...current, storeError }));
        void client.loadEntries([id]).then(
          ([stored]) => {
            if (stored && latestId.current === id)
              setState((current) => ({ ...current, latest: fresher(current.latest, stored) }));
          },
          // The result shown stays; the history list beside it reports that the store cannot be read.
          () => undefined,
        );
      }),
    [client],
  );

  const send = async (action: RequestAction, settingsUnchanged: boolean) => {
    running.current += 1;
    setState((current) =>
      current.latestError === undefined && current.heldBack === undefined
        ? current
        : { ...current, latestError: undefined, heldBack: undefined },
    );
    const busyNotice = setTimeout(showRunning, BUSY_NOTICE_MS);
    try {
      const { chatId } = action;
      const typing = action.kind === 'start' ? 'typing.start' : 'typing.stop';
      const reply: TypingReply | RehearseReply | CheckReply = (action.kind === 'rehearse'
        ? await client.ask('typing.rehearse', { chatId, seconds: action.seconds })
        : action.kind === 'check'
          ? await client.ask('chat.check', { chatId, settingsUnchanged })
          : await client.ask(typing, { chatId, settingsUnchanged })) ?? { ok: false, message: WORKER_GONE };
      if (!reply.ok) {
        if (reply.field) onFieldError(reply.field, reply.message);
        else setState((current) => ({ ...current, latestError: reply.message }));
        return;
      }
      const [latest, partner] =
        'entry' in reply ? [reply.entry, undefined] : [reply.stop ?? reply.start, reply.stop ? reply.start : undefined];
      latestId.current = latest.id;
      const until = retryUntil(latest, Date.now()) ?? retryUntil(partner, Date.now());
      setState((current) => ({
        ...current,
        latest,
        latestPartner: partner,
        latestHandles: 'handles' in reply ? reply.handles : undefined,
        storeError: reply.storeError,
        rateLimits: until === undefined ? current.rateLimits : { ...current.rateLimits, [latest.chatId]: until },
      }));
    } finally {
      clearTimeout(busyNotice);
      running.current -= 1;
      // Only a count already on show is updated: a quick request never shows one.
      setState((current) => (current.inFlight === 0 ? current : { ...current, inFlight: running.current }));
    }
  };

  const fire = async (action: RequestAction, options: { force?: boolean } = {}) => {
    const prepared = await prepare(action.chatId);
    if (!prepared) return;
    if (!options.force && Date.now() < rateLimitedUntil(state, action.chatId)) {
      setState((current) => ({ ...current, heldBack: action }));
      return;
    }
    await send(action, prepared.settingsUnchanged);
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
