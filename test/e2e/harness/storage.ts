import type { Page } from 'playwright-core';

export interface ExtensionStorage {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
}

/**
 * Reads chrome.storage through an extension page rather than the worker handle, which goes stale once the
 * worker is stopped and restarted.
 */
export function readExtensionStorage(page: Page): Promise<ExtensionStorage> {
  return page.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
}
