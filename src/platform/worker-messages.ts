import type { Runtime } from 'webextension-polyfill';
import { isOwnExtensionPage } from '../core/sender.ts';
import { WorkerRequest } from '../core/protocol.ts';

/**
 * Registers the worker's message handler. Messages from anything but the extension's own pages, and
 * messages that do not parse, are dropped without an answer (a stranger learns nothing).
 */
export function listenForRequests(
  runtime: Runtime.Static,
  handle: (request: WorkerRequest) => Promise<unknown>,
): void {
  runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isOwnExtensionPage(sender, runtime.id)) return undefined;
    const parsed = WorkerRequest.safeParse(message);
    if (!parsed.success) return undefined;
    return handle(parsed.data);
  });
}
