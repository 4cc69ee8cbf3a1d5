import { findChatId } from '../../core/linq/find-chat-id.ts';
import type { PageSelectionMessage } from '../../core/protocol.ts';

interface PageEvent {
  readonly isTrusted: boolean;
}

interface Target {
  addEventListener(type: string, listener: (event: PageEvent) => void, capture?: boolean): void;
}

/** What the selection script uses of the page and of the extension (selection-watch.ts binds the real ones). */
export interface SelectionEnv {
  document: Target & { hasFocus(): boolean };
  window: Target & { getSelection(): { toString(): string } | null };
  send(message: PageSelectionMessage): Promise<unknown>;
  /** Runs `run` in a later task. */
  defer(run: () => void): void;
}

/**
 * A page's own script can dispatch these events in a loop (about 1,000 messages a second were measured); only
 * the browser's own events, from what happens in the page, are heard.
 */
function trusted(run: () => void): (event: PageEvent) => void {
  return (event) => {
    if (event.isTrusted) run();
  };
}

/**
 * Tells the worker which chat UUID the focused document's selection holds, when that changes. Returns the
 * function the worker's second injection of the script calls (`askAgain`), to hear this page's selection now.
 */
export function watchSelection(env: SelectionEnv): { askAgain(): void } {
  // What the worker last heard from this document; null when unknown (nothing sent, or the send failed).
  let reported: string | undefined | null = null;
  let scheduled = false;

  const report = (force: boolean) => {
    scheduled = false;
    // Only the document the operator is working in speaks: a page in the background cannot move the item.
    if (!env.document.hasFocus()) return;
    const selected = String(env.window.getSelection() ?? '');
    const chatId = findChatId(selected);
    // Without a selection Chrome shows no selection item at all, so there is nothing to correct.
    if (force && selected === '') return;
    // The same chat twice in a row tells the worker nothing (it keeps each tab's report across its restarts).
    if (!force && chatId === reported) return;
    reported = chatId;
    const message: PageSelectionMessage =
      chatId === undefined ? { type: 'page.selection' } : { type: 'page.selection', chatId };
    // The worker may be restarting or the extension reloaded: the next event reports again.
    env.send(message).catch(() => {
      if (reported === chatId) reported = null;
    });
  };

  // selectionchange fires for every step of a drag; one check per task is enough.
  env.document.addEventListener(
    'selectionchange',
    trusted(() => {
      if (scheduled) return;
      scheduled = true;
      env.defer(() => report(false));
    }),
  );
  // A report the worker missed (its send failed) is made again on the next focus or right-click.
  env.window.addEventListener(
    'focus',
    trusted(() => report(false)),
  );
  env.document.addEventListener(
    'contextmenu',
    trusted(() => report(false)),
    true,
  );
  return { askAgain: () => report(true) };
}
