/** The parts of a message sender that decide whether to trust it (a plain copy of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  /** Set only for a sender in a tab: a content script (or an extension page opened as a tab). */
  tab?: { id?: number };
}

/** Who "the extension itself" is, as the browser names it. */
export interface OwnExtension {
  /** runtime.id: Chrome's extension id, or Firefox's gecko id from the manifest. */
  id: string;
  /**
   * runtime.getURL(''): `chrome-extension://<id>/` in Chrome, `moz-extension://<per-install uuid>/` in
   * Firefox, whose page URLs do not contain its id. Taken from the browser, never built from the id.
   */
  baseUrl: string;
}

/**
 * Only the extension's own pages may command the worker. Another extension has a different id; a web page
 * or content script has a web origin/URL. Both must be this extension's origin.
 */
export function isOwnExtensionPage(sender: SenderInfo, own: OwnExtension): boolean {
  if (sender.id !== own.id) return false;
  const origin = own.baseUrl.replace(/\/$/, '');
  if (sender.origin !== undefined && sender.origin !== origin) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(`${origin}/`);
}

/**
 * This extension's own selection script in a web page: same extension id, inside a tab, at a web address.
 * Such a sender may only report a selection (src/core/protocol.ts, PageSelectionMessage).
 */
export function ownPageScriptTab(sender: SenderInfo, extensionId: string): number | undefined {
  if (sender.id !== extensionId || typeof sender.tab?.id !== 'number' || typeof sender.url !== 'string')
    return undefined;
  return /^https?:\/\//.test(sender.url) ? sender.tab.id : undefined;
}
