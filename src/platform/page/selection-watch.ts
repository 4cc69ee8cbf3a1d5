import { findChatId } from '../../core/linq/find-chat-id.ts';
import type { PageSelectionMessage } from '../../core/protocol.ts';

/**
 * Runs in web pages, only once the operator has turned the page menu on (src/background/page-menu.ts).
 * It tells the worker which chat UUID the selection holds, if any, so the right-click item shows only then.
 * It reads nothing else from the page and sends no text but that UUID. It is built on its own as a classic
 * script (vite.config.ts), because a registered content script cannot be a module.
 */

const INSTALLED = Symbol.for('linq-typing-inspector.selection-watch');
const scope = globalThis as typeof globalThis & { [INSTALLED]?: true };

function watchSelection(): void {
  let reported: string | undefined | null = null;
  let scheduled = false;

  const report = (force: boolean) => {
    scheduled = false;
    // Only the document the operator is working in speaks: a page in the background cannot move the item.
    if (!document.hasFocus()) return;
    const selected = String(globalThis.getSelection() ?? '');
    const chatId = findChatId(selected);
    // Without a selection Chrome shows no selection item at all, so there is nothing to correct.
    if (force && selected === '') return;
    if (!force && chatId === reported) return;
    reported = chatId;
    const message: PageSelectionMessage = chatId === undefined ? { type: 'page.selection' } : { type: 'page.selection', chatId };
    // The worker may be restarting or the extension reloaded; the next change reports again.
    chrome.runtime.sendMessage(message).catch(() => undefined);
  };

  // selectionchange fires for every step of a drag; one check per task is enough.
  document.addEventListener('selectionchange', () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => report(false), 0);
  });
  // After a switch of tab or window, or a worker restart, the worker may not know this page's selection.
  globalThis.addEventListener('focus', () => report(true));
  // Usually too late for the menu being opened, but it puts a worker that missed a change right again.
  document.addEventListener('contextmenu', () => report(true), true);
}

// Injected both by registration and, for tabs already open when access was given, directly: once is enough.
if (!scope[INSTALLED]) {
  scope[INSTALLED] = true;
  watchSelection();
}
