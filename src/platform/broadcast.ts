import { HISTORY_CHANNEL } from '../core/channels.ts';
import type { HistoryChanged } from '../core/protocol.ts';
import { protocol } from './lazy-protocol.ts';

/** History changes reach every open view (and any other worker instance) over one BroadcastChannel. */
export function announceHistoryChange(change: Omit<HistoryChanged, 'type'>): void {
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  const message: HistoryChanged = { type: 'history.changed', ...change };
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
  channel.postMessage(message);
  channel.close();
}

/**
 * Listens for history changes. Each message is parsed with its zod schema; the schemas load on the first
 * message rather than with the page, so they stay out of the popup's first paint.
 */
export function onHistoryChange(listener: (message: HistoryChanged) => void): () => void {
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    void protocol().then(({ HistoryChanged: schema }) => {
      const parsed = schema.safeParse(event.data);
      if (parsed.success) listener(parsed.data);
    });
  };
  return () => channel.close();
}
