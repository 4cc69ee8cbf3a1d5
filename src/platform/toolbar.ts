import type { Action, Commands, Menus } from 'webextension-polyfill';
import type { Badge } from '../core/badge.ts';

export const STOP_LAST_COMMAND = 'stop-typing-last-chat';
const SELECTION_MENU = 'stop-typing-selection';

export function createBadgeShower(action: Action.Static) {
  return async (badge: Badge): Promise<void> => {
    await Promise.all([
      action.setBadgeText({ text: badge.text }),
      action.setBadgeBackgroundColor({ color: badge.color }),
      action.setTitle({ title: badge.title }),
    ]);
  };
}

export function listenForCommand(commands: Commands.Static, onStopLast: () => void): void {
  commands.onCommand.addListener((command: string) => {
    if (command === STOP_LAST_COMMAND) onStopLast();
  });
}

/**
 * The selection menu item. Chrome cannot show an item only for some selections (it has no onShown event,
 * and a content script on every page would need access to every site), so it shows for any selection and
 * the click looks for a chat UUID inside it.
 */
export function createSelectionMenu(menus: Menus.Static): void {
  menus.removeAll().then(() =>
    menus.create({ id: SELECTION_MENU, title: 'Stop typing in Linq chat \u201c%s\u201d', contexts: ['selection'] }),
  ).catch((error: unknown) => console.error('Linq Typing Inspector: could not create the menu item', error));
}

export function listenForSelectionMenu(menus: Menus.Static, onSelection: (text: string) => void): void {
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === SELECTION_MENU && typeof info.selectionText === 'string') onSelection(info.selectionText);
  });
}
