/** A page that runs a function in itself: Playwright's (Chromium) and puppeteer's (Firefox) alike. */
interface EvaluatingPage {
  evaluate<R>(run: () => Promise<R>): Promise<R>;
}

export interface ExtensionStorage {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
}

/**
 * Reads chrome.storage through an extension page rather than the worker handle, which goes stale once the
 * worker is stopped and restarted (Firefox exposes chrome.* with promises in its pages too).
 */
export function readExtensionStorage(page: EvaluatingPage): Promise<ExtensionStorage> {
  return page.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
}
