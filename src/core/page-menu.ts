import { findChatId } from './linq/find-chat-id.ts';
import type { PageMenuSnapshot } from './page-menu-snapshot.ts';

/**
 * The right-click item "Stop typing in Linq chat …" shows only while the page's selection holds a chat UUID.
 * Chrome cannot filter a menu item by the selected text, so a small script in each page (given access to
 * all sites, at the operator's request) reports the chat ID it sees in the selection, and the worker shows
 * or hides the item. This is the worker's bookkeeping of those reports, kept free of the browser API.
 */

/** The sites the selection script runs on once the operator turns the page menu on. */
export const PAGE_MENU_SITES: readonly string[] = ['https://*/*', 'http://*/*'];

/** What the item should look like now: hidden, or shown for one chat. */
export interface MenuLook {
  visible: boolean;
  title: string;
}

export const HIDDEN_MENU: MenuLook = { visible: false, title: 'Stop typing in Linq chat' };

export function menuLookFor(chatId: string | undefined): MenuLook {
  return chatId === undefined ? HIDDEN_MENU : { visible: true, title: `Stop typing in Linq chat ${chatId}` };
}

/** The chat ID a page reported, checked again here: a page's script is not trusted to have done it. */
export function reportedChatId(reported: string | undefined): string | undefined {
  return reported === undefined ? undefined : findChatId(reported);
}

/**
 * Which tab last reported which chat ID, and which tab is in front. Each change returns the item's new
 * look, or undefined when it does not change (so Chrome is asked only when something moved).
 */
export interface PageMenuState {
  setEnabled(enabled: boolean): MenuLook | undefined;
  report(tabId: number, chatId: string | undefined): MenuLook | undefined;
  activated(tabId: number): MenuLook | undefined;
  /** The tab navigated or closed: what its old page reported no longer holds. */
  forget(tabId: number): MenuLook | undefined;
  /** Chrome did not apply the last look: the next change is applied whatever it is. */
  notShown(): void;
  snapshot(): PageMenuSnapshot;
}

/** `saved`: what an earlier worker stored (parsed by src/core/page-menu-snapshot.ts). */
export function createPageMenuState(saved?: PageMenuSnapshot): PageMenuState {
  const chatByTab = new Map<number, string>();
  for (const [tabId, chatId] of saved?.chatByTab ?? []) {
    const checked = reportedChatId(chatId);
    if (checked !== undefined) chatByTab.set(tabId, checked);
  }
  let activeTab = saved?.activeTab;
  let shown = saved?.shown;
  let enabled = false;

  const settle = (): MenuLook | undefined => {
    const chatId = enabled && activeTab !== undefined ? chatByTab.get(activeTab) : undefined;
    const look = menuLookFor(chatId);
    if (shown && shown.visible === look.visible && shown.title === look.title) return undefined;
    shown = look;
    return look;
  };

  return {
    setEnabled(next) {
      enabled = next;
      if (!next) chatByTab.clear();
      // A worker that knows nothing (the first, or its store was lost) leaves the item as Chrome has it:
      // as the last worker left it, for the page in front then; the next report or tab switch corrects it.
      if (next && shown === undefined && chatByTab.size === 0) return undefined;
      return settle();
    },
    report(tabId, reported) {
      // Pages opened while the menu was on keep their script after it is turned off; they are not heard.
      if (!enabled) return undefined;
      const chatId = reportedChatId(reported);
      if (chatId === undefined) chatByTab.delete(tabId);
      else chatByTab.set(tabId, chatId);
      // A report comes from the page the operator is selecting in, so that tab is the one in front.
      activeTab = tabId;
      return settle();
    },
    activated(tabId) {
      activeTab = tabId;
      return settle();
    },
    forget(tabId) {
      chatByTab.delete(tabId);
      return settle();
    },
    notShown() {
      shown = undefined;
    },
    snapshot() {
      return { chatByTab: [...chatByTab], activeTab, shown };
    },
  };
}
