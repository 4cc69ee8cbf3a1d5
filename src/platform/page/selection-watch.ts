import { watchSelection } from './selection-reporter.ts';

/**
 * Runs in web pages, only once the operator has turned the page menu on (src/background/page-menu.ts).
 * It tells the worker which chat UUID the selection holds, if any, so the right-click item shows only then.
 * It reads nothing else from the page and sends no text but that UUID. It is built on its own as a classic
 * script (vite.config.ts), because a registered content script cannot be a module.
 */

const INSTALLED = Symbol.for('linq-typing-inspector.selection-watch');
const scope = globalThis as typeof globalThis & { [INSTALLED]?: () => void };

// Injected both by registration and, for tabs already open when access was given, directly: it listens once,
// and a second injection (the page menu turned on again) only asks for this page's selection now.
const installed = scope[INSTALLED];
if (installed) installed();
else {
  scope[INSTALLED] = watchSelection({
    document,
    window: globalThis,
    send: (message) => chrome.runtime.sendMessage(message),
    defer: (run) => void setTimeout(run, 0),
  }).askAgain;
}
