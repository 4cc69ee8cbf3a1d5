import type { PageMenuApi } from '../background/page-menu.ts';
import { createPageMenuAccess, type PagePermissions } from './page-menu-access.ts';
import type { PageMenuGate } from './page-menu-gate.ts';
import { SELECTION_MENU } from './toolbar.ts';

/** Where the worker keeps what it knows of the pages' selections (memory only, like the session keys). */
export const PAGE_MENU_STATE_KEY = 'pageMenu.state';

/**
 * The page menu's slice of the extension API (src/background/page-menu.ts). Until `gate` allows it (Chrome:
 * storage closed to web pages; Firefox: no key remembered, src/platform/page-menu-gate.ts), it counts as off.
 */
export function chromePageMenuApi(gate: PageMenuGate): PageMenuApi {
  const scripting = globalThis.chrome.scripting as typeof chrome.scripting | undefined;
  // The views' switch says what "on" means (access to all sites); the worker asks the same question.
  const access = createPageMenuAccess(chrome.permissions as unknown as PagePermissions);
  return {
    extensionId: chrome.runtime.id,
    hasSiteAccess: onlyWhileGateAllows(() => access.isOn(), gate.allows),
    onPermissionsAdded: chrome.permissions.onAdded,
    // A change of the gate re-checks the page menu as a taken-back grant does: nothing is injected anew.
    onPermissionsRemoved: {
      addListener(listener) {
        chrome.permissions.onRemoved.addListener(listener);
        gate.onChange(listener);
      },
    },
    scripts: scripting && {
      registeredIds: async () => (await scripting.getRegisteredContentScripts()).map((script) => script.id),
      register: ({ id, file, matches }) =>
        scripting.registerContentScripts([
          {
            id,
            js: [file],
            matches: [...matches],
            allFrames: true,
            runAt: 'document_idle',
            persistAcrossSessions: true,
          },
        ]),
      unregister: (id) => scripting.unregisterContentScripts({ ids: [id] }),
      async injectIntoOpenTabs(file, matches) {
        const tabs = await chrome.tabs.query({ url: [...matches] });
        // A tab Chrome will not script (the Web Store, an error page) simply gets no menu until it reloads.
        await Promise.allSettled(
          tabs.map((tab) =>
            tab.id === undefined
              ? undefined
              : scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [file] }),
          ),
        );
      },
    },
    showMenu: async (look) => {
      try {
        await chrome.contextMenus.update(SELECTION_MENU, { visible: look.visible, title: look.title });
      } catch (error) {
        // Just installed: onInstalled has not created the item yet, and it creates it hidden (Chrome's and
        // Firefox's words for it).
        if (!/Cannot find menu item|Could not find any MenuItem/.test(String(error))) throw error;
      }
    },
    loadState: async () => (await chrome.storage.session.get(PAGE_MENU_STATE_KEY))[PAGE_MENU_STATE_KEY],
    saveState: (snapshot) => chrome.storage.session.set({ [PAGE_MENU_STATE_KEY]: snapshot }),
    onMessage: chrome.runtime.onMessage,
    watchTabs(handlers) {
      const activated = ({ tabId }: chrome.tabs.OnActivatedInfo) => handlers.activated(tabId);
      const updated = (tabId: number, change: chrome.tabs.OnUpdatedInfo) => {
        if (change.status === 'loading') handlers.left(tabId);
      };
      const removed = (tabId: number) => handlers.left(tabId);
      const focused = (windowId: number) => {
        if (windowId === chrome.windows.WINDOW_ID_NONE) return handlers.windowFocused(undefined);
        void chrome.tabs.query({ active: true, windowId }).then(
          ([tab]) => handlers.windowFocused(tab?.id),
          () => handlers.windowFocused(undefined),
        );
      };
      chrome.tabs.onActivated.addListener(activated);
      chrome.tabs.onUpdated.addListener(updated);
      chrome.tabs.onRemoved.addListener(removed);
      chrome.windows.onFocusChanged.addListener(focused);
      return () => {
        chrome.tabs.onActivated.removeListener(activated);
        chrome.tabs.onUpdated.removeListener(updated);
        chrome.tabs.onRemoved.removeListener(removed);
        chrome.windows.onFocusChanged.removeListener(focused);
      };
    },
    log: (message, error) => console.error(`Linq Typing Inspector: ${message}`, error),
  };
}

/** The one call of chrome.storage.local that closes it to content scripts; Chrome has it from version 140. */
export interface AccessLevelArea {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' }): Promise<void>;
}

/**
 * Nothing in a web page may read the extension's storage: not the stored keys, not the settings. Chrome lets
 * content scripts read `local` by default, and the page menu puts one in every page. Resolves whether Chrome
 * confirmed it (never rejects): without it, a page could read a remembered key through the page menu's script.
 */
export async function keepStorageFromPages(
  local: AccessLevelArea,
  log: (message: string, error: unknown) => void,
): Promise<boolean> {
  try {
    if (typeof local.setAccessLevel !== 'function')
      throw new Error('storage.local.setAccessLevel is missing (Chrome 140 has it)');
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (error) {
    log('could not close storage to web pages, so the page menu stays off', error);
    return false;
  }
}

/** Access to all sites turns the page menu on only while the gate allows it; otherwise it stays off. */
export function onlyWhileGateAllows(
  hasSiteAccess: () => Promise<boolean>,
  allows: () => Promise<boolean>,
): () => Promise<boolean> {
  return async () => (await allows()) && (await hasSiteAccess());
}
