import { HISTORY_CHANNEL, HistoryChanged } from '../core/protocol.ts';

/** History changes reach every open view (and any other worker instance) over one BroadcastChannel. */
export function announceHistoryChange(entryId?: string): void {
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  const message: HistoryChanged = { type: 'history.changed', entryId };
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
  channel.postMessage(message);
  channel.close();
}

export function onHistoryChange(listener: (message: HistoryChanged) => void): () => void {
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const parsed = HistoryChanged.safeParse(event.data);
    if (parsed.success) listener(parsed.data);
  };
  return () => channel.close();
}
