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
 * Tells the worker which chat UUID the focused document's selection holds, when that changes. Returns the
 * function the worker's second injection of the script calls (`askAgain`), to hear this page's selection now.
 */
export function watchSelection(env: SelectionEnv): { askAgain(): void } {
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
    if (!force && chatId === reported) return;
    reported = chatId;
    const message: PageSelectionMessage = chatId === undefined ? { type: 'page.selection' } : { type: 'page.selection', chatId };
    // The worker may be restarting or the extension reloaded; the next change reports again.
    env.send(message).catch(() => undefined);
  };

  // selectionchange fires for every step of a drag; one check per task is enough.
  env.document.addEventListener('selectionchange', () => {
    if (scheduled) return;
    scheduled = true;
    env.defer(() => report(false));
  });
  // After a switch of tab or window, or a worker restart, the worker may not know this page's selection.
  env.window.addEventListener('focus', () => report(true));
  // Usually too late for the menu being opened, but it puts a worker that missed a change right again.
  env.document.addEventListener('contextmenu', () => report(true), true);
  return { askAgain: () => report(true) };
}
