/** The parts of a message sender that decide whether to trust it (a plain copy of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
}

/**
 * Only the extension's own pages may command the worker. Another extension has a different id; a web page
 * or content script has a web origin/URL. Both must be this extension's origin.
 */
export function isOwnExtensionPage(sender: SenderInfo, extensionId: string): boolean {
  if (sender.id !== extensionId) return false;
  const origin = `chrome-extension://${extensionId}`;
  if (sender.origin !== undefined && sender.origin !== origin) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(`${origin}/`);
}
