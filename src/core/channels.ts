/** The BroadcastChannel on which the worker announces history changes to every open view. */
export const HISTORY_CHANNEL = 'linq-inspector-history';
