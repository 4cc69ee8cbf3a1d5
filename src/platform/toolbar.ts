import type { Action, Commands, Menus } from 'webextension-polyfill';
import type { Badge } from '../core/badge.ts';
import { HIDDEN_MENU } from '../core/page-menu.ts';

export const STOP_LAST_COMMAND = 'stop-typing-last-chat';
export const SELECTION_MENU = 'stop-typing-selection';

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
 * The selection menu item, hidden until a page reports a chat UUID in its selection (src/background/
 * page-menu.ts), which needs the page menu turned on. The click looks for the UUID in the selection again.
 */
export function createSelectionMenu(menus: Menus.Static): void {
  menus
    .removeAll()
    .then(() => menus.create({ id: SELECTION_MENU, title: HIDDEN_MENU.title, contexts: ['selection'], visible: false }))
    .catch((error: unknown) => console.error('Linq Typing Inspector: could not create the menu item', error));
}

export function listenForSelectionMenu(menus: Menus.Static, onSelection: (text: string) => void): void {
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === SELECTION_MENU && typeof info.selectionText === 'string') onSelection(info.selectionText);
  });
}
