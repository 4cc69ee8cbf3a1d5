import { PAGE_MENU_SITES } from '../core/page-menu.ts';
import type { PageMenuAccess } from '../ui/client.ts';

interface PermissionEvent {
  addListener(listener: () => void): void;
  removeListener(listener: () => void): void;
}

/** The slice of chrome.permissions the page menu's switch uses. */
export interface PagePermissions {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
  onAdded: PermissionEvent;
  onRemoved: PermissionEvent;
}

/**
 * The page menu is on exactly while the extension has access to all sites; the worker follows the grant
 * (src/background/page-menu.ts). The views only ask for it and give it back.
 */
export function createPageMenuAccess(permissions: PagePermissions): PageMenuAccess {
  const sites = { origins: [...PAGE_MENU_SITES] };
  return {
    isOn: () => permissions.contains(sites),
    // Called straight from the click: Chrome shows its prompt only for a user gesture.
    turnOn: () => permissions.request(sites),
    turnOff: async () => {
      await permissions.remove(sites);
      return !(await permissions.contains(sites));
    },
    onChange(listener) {
      const changed = () => listener();
      permissions.onAdded.addListener(changed);
      permissions.onRemoved.addListener(changed);
      return () => {
        permissions.onAdded.removeListener(changed);
        permissions.onRemoved.removeListener(changed);
      };
    },
  };
}
