import type { Runtime } from 'webextension-polyfill';
import { WORKER_PORT } from '../core/channels.ts';
import { isOwnExtensionPage } from '../core/sender.ts';
import { PortRequest, WorkerRequest, type PortReply } from '../core/protocol.ts';

type Handle = (request: WorkerRequest) => Promise<unknown>;

/**
 * Registers the worker's handlers for both ways a view can ask: runtime.sendMessage, and the long-lived port
 * the views use (src/platform/worker-channel.ts). Messages from anything but the extension's own pages, and
 * messages that do not parse, are dropped without an answer (a stranger learns nothing).
 */
export function listenForRequests(runtime: Runtime.Static, handle: Handle): void {
  const own = { id: runtime.id, baseUrl: runtime.getURL('') };
  runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isOwnExtensionPage(sender, own)) return undefined;
    const parsed = WorkerRequest.safeParse(message);
    if (!parsed.success) return undefined;
    return handle(parsed.data);
  });
  runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== WORKER_PORT || !port.sender || !isOwnExtensionPage(port.sender, own)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const parsed = PortRequest.safeParse(message);
      if (!parsed.success) return;
      const { id, request } = parsed.data;
      // A handler that fails still answers, with no reply the view's schema accepts, so the view never waits forever.
      void handle(request)
        .catch(() => undefined)
        .then((reply) => {
          try {
            port.postMessage({ id, reply } satisfies PortReply);
          } catch {
            // The view closed while its request ran; the history already holds the result.
          }
        });
    });
  });
}
