import type { StorageLike } from './storage-types.ts';
import type { PermissionsLike } from './host-access.ts';
import type { PagePermissions } from './page-menu-access.ts';
import type { PortLike } from './worker-channel.ts';

/**
 * The extension API as the views (popup and panel) use it: Chrome's own promise-based MV3 API. The
 * webextension-polyfill's one contribution Chrome lacks, promise replies from runtime.onMessage listeners,
 * matters only in the worker (src/platform/browser.ts); in the views it would cost 2.8 KB gzip of the
 * popup's 20 KB budget for nothing.
 */
export const viewApi = {
  storage: chrome.storage as unknown as StorageLike,
  permissions: chrome.permissions as unknown as PermissionsLike & PagePermissions,
  connect: (name: string): PortLike => chrome.runtime.connect({ name }),
  extensionVersion: (): string => chrome.runtime.getManifest().version,
  /** DevTools' theme name, only inside a real DevTools panel. */
  devtoolsThemeName: (): string | undefined =>
    (globalThis.chrome as { devtools?: { panels?: { themeName?: string } } }).devtools?.panels?.themeName,
};
