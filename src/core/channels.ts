/** The BroadcastChannel on which the worker announces history changes to every open view. */
export const HISTORY_CHANNEL = 'linq-inspector-history';

/**
 * The name of the long-lived port each view opens to the worker. One open port carries every request and
 * reply, which costs less per request than runtime.sendMessage (that opens and closes a channel each time).
 */
export const WORKER_PORT = 'linq-inspector-view';
