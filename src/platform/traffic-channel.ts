import { parseTrafficMessage, trafficChannelName, type TrafficMessage } from '../core/traffic/traffic-messages.ts';

/**
 * One inspected tab's page-traffic channel, between its DevTools page (the capture) and the Linq panel. Every
 * message received is parsed with the schema and dropped when it does not parse; every message sent is built
 * to it (typed as a TrafficMessage).
 */
export interface TrafficChannel {
  post(message: TrafficMessage): void;
  close(): void;
}

export function openTrafficChannel(tabId: number, onMessage: (message: TrafficMessage) => void): TrafficChannel {
  const channel = new BroadcastChannel(trafficChannelName(tabId));
  channel.onmessage = (event: MessageEvent) => {
    const message = parseTrafficMessage(event.data);
    if (message) onMessage(message);
  };
  return {
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
