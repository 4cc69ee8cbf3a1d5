import { createPageMenuState, PAGE_MENU_SITES, type MenuLook, type PageMenuState } from '../core/page-menu.ts';
import { readPageMenuSnapshot, type PageMenuSnapshot } from '../core/page-menu-snapshot.ts';
import { createReportLimiter, REPORT_LIMIT } from '../core/page-report-limit.ts';
import { PageSelectionMessage } from '../core/protocol.ts';
import { PAGE_SCRIPT } from '../core/page-script.ts';
import { ownPageScriptTab, type SenderInfo } from '../core/sender.ts';

interface Event<Listener> {
  addListener(listener: Listener): void;
}

/** The slice of the extension API the page menu uses (src/platform/page-menu-api.ts binds it to Chrome's). */
export interface PageMenuApi {
  extensionId: string;
  hasSiteAccess(): Promise<boolean>;
  onPermissionsAdded: Event<() => void>;
  onPermissionsRemoved: Event<() => void>;
  /** Undefined when Chrome offers no scripting API (it should: the permission is required). */
  scripts?: {
    registeredIds(): Promise<string[]>;
    register(script: { id: string; file: string; matches: readonly string[] }): Promise<void>;
    unregister(id: string): Promise<void>;
    /** Into the tabs already open at these sites: registration only reaches pages loaded after it. */
    injectIntoOpenTabs(file: string, matches: readonly string[]): Promise<void>;
  };
  showMenu(look: MenuLook): Promise<void>;
  /** What an earlier worker saved (storage.session), and saving it for the next. */
  loadState(): Promise<unknown>;
  saveState(snapshot: PageMenuSnapshot): Promise<void>;
  onMessage: Event<(message: unknown, sender: SenderInfo) => void>;
  /** Listens to tab switches, navigations and window focus until the returned function is called. */
  watchTabs(handlers: TabHandlers): () => void;
  log(message: string, error: unknown): void;
}

export interface TabHandlers {
  activated(tabId: number): void;
  /** A tab started loading a new page, or was closed. */
  left(tabId: number): void;
  /** Another window came to the front; undefined when focus left Chrome. */
  windowFocused(activeTabId: number | undefined): void;
}

/**
 * The worker's side of the page menu: keeps the selection script registered exactly while the operator has
 * given access to all sites (the "Turn on" button in Settings asks Chrome for it), and shows the menu item
 * only while the page in front reports a chat UUID in its selection. Listeners are added synchronously, so
 * an event that wakes the worker is not missed.
 */
/** The clock of the per-tab report limit; tests pass their own. */
export interface ReportClock {
  now(): number;
  schedule(run: () => void, ms: number): void;
}

const realClock: ReportClock = { now: () => Date.now(), schedule: (run, ms) => void setTimeout(run, ms) };

export function startPageMenu(api: PageMenuApi, clock: ReportClock = realClock): { ready: Promise<void> } {
  // Events can arrive before the saved state is read: each change waits for it, and all of them (with the
  // saving and Chrome's update of the item) run one at a time, in the order they happened.
  const restored = api.loadState().then(
    (saved) => createPageMenuState(readPageMenuSnapshot(saved)),
    () => createPageMenuState(),
  );
  let queue = Promise.resolve();
  const apply = (step: (state: PageMenuState) => MenuLook | undefined) => {
    queue = queue.then(async () => {
      const state = await restored;
      const before = JSON.stringify(state.snapshot());
      const look = step(state);
      if (look !== undefined) {
        await api.showMenu(look).catch((error: unknown) => {
          state.notShown();
          api.log('could not update the menu item', error);
        });
      }
      // Most events change nothing (a worker start with the menu off, a tab switch between pages with no chat).
      const after = state.snapshot();
      if (JSON.stringify(after) === before) return;
      await api.saveState(after).catch((error: unknown) => api.log('could not save the page menu state', error));
    });
  };

  // A page that changes its selection in a loop gets a few reports a second through; the latest always lands.
  const limiter = createReportLimiter({
    ...REPORT_LIMIT,
    ...clock,
    apply: (tabId, chatId) => apply((state) => state.report(tabId, chatId)),
  });

  const tabHandlers: TabHandlers = {
    activated: (tabId) => apply((state) => state.activated(tabId)),
    left: (tabId) => {
      limiter.forget(tabId);
      apply((state) => state.forget(tabId));
    },
    // Focus leaving Chrome (no window) changes nothing: the item can only be shown inside a window.
    windowFocused: (tabId) => {
      if (tabId !== undefined) apply((state) => state.activated(tabId));
    },
  };
  // Added at once, so a tab event that woke the worker reaches it; dropped while the page menu is off, so
  // Chrome does not start the worker for every tab switch and page load of an operator who never turned it on.
  let stopWatchingTabs: (() => void) | undefined = api.watchTabs(tabHandlers);

  const sync = async (justGranted: boolean) => {
    const enabled = await api.hasSiteAccess();
    if (enabled) stopWatchingTabs ??= api.watchTabs(tabHandlers);
    else {
      stopWatchingTabs?.();
      stopWatchingTabs = undefined;
    }
    apply((state) => state.setEnabled(enabled));
    const scripts = api.scripts;
    if (!scripts) return;
    const registered = (await scripts.registeredIds()).includes(PAGE_SCRIPT.id);
    if (enabled && !registered)
      await scripts.register({ id: PAGE_SCRIPT.id, file: PAGE_SCRIPT.file, matches: PAGE_MENU_SITES });
    if (!enabled && registered) await scripts.unregister(PAGE_SCRIPT.id);
    if (enabled && justGranted) await scripts.injectIntoOpenTabs(PAGE_SCRIPT.file, PAGE_MENU_SITES);
  };
  // One sync at a time: a click on "Turn on" can wake the worker, whose start-up sync then meets the grant's,
  // and two registrations of one script make Chrome refuse the second.
  let syncing = Promise.resolve();
  const resync = (justGranted: boolean) => {
    syncing = syncing
      .then(() => sync(justGranted))
      .catch((error: unknown) => api.log('could not set up the page menu', error));
    return syncing;
  };

  api.onMessage.addListener((message, sender) => {
    const tabId = ownPageScriptTab(sender, api.extensionId);
    if (tabId === undefined) return;
    const parsed = PageSelectionMessage.safeParse(message);
    if (parsed.success) limiter.report(tabId, parsed.data.chatId);
  });
  api.onPermissionsAdded.addListener(() => void resync(true));
  api.onPermissionsRemoved.addListener(() => void resync(false));

  return { ready: resync(false) };
}
