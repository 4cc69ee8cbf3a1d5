import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT } from '../../../src/core/page-script.ts';
import { startPageMenu, type PageMenuApi, type TabHandlers } from '../../../src/background/page-menu.ts';
import { PAGE_MENU_SITES, type MenuLook } from '../../../src/core/page-menu.ts';
import type { SenderInfo } from '../../../src/core/sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const OTHER_CHAT = '9f1c2d3e-4b5a-4c6d-8e7f-a0b1c2d3e4f5';
const SHOWN: MenuLook = { visible: true, title: `Stop typing in Linq chat ${CHAT}` };
const SHOWN_OTHER: MenuLook = { visible: true, title: `Stop typing in Linq chat ${OTHER_CHAT}` };
const HIDDEN: MenuLook = { visible: false, title: 'Stop typing in Linq chat' };
const PAGE: SenderInfo = { id: ID, url: 'https://crm.example/x', tab: { id: 7 } };
const REGISTERED = {
  id: 'linq-selection-watch',
  file: 'page/selection-watch.js',
  matches: ['https://*/*', 'http://*/*'],
};

/** Lets the chained promises of the worker run to their end. */
async function flush() {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function listeners<Listener>() {
  const added: Listener[] = [];
  return { added, event: { addListener: (listener: Listener) => void added.push(listener) } };
}

interface FakeOptions {
  access: boolean;
  registered?: string[];
  withScripts?: boolean;
  /** Chrome's list of registered scripts arrives a task after it was read, as over a real round trip. */
  slowLookup?: boolean;
  showMenu?: (look: MenuLook) => Promise<void>;
  /** What an earlier worker saved. */
  saved?: unknown;
}

/** A PageMenuApi recording what the worker asks of Chrome, with a way to fire each event. */
function fakeApi(options: FakeOptions) {
  let access = options.access;
  const registeredIds = [...(options.registered ?? [])];
  const calls: string[] = [];
  const registrations: { id: string; file: string; matches: readonly string[] }[] = [];
  const injections: { file: string; matches: readonly string[] }[] = [];
  const shown: MenuLook[] = [];
  const logged: { message: string; error: unknown }[] = [];
  const added = listeners<() => void>();
  const removed = listeners<() => void>();
  const messages = listeners<(message: unknown, sender: SenderInfo) => void>();
  let saved: unknown = options.saved;
  let saves = 0;
  let tabHandlers: TabHandlers | undefined;
  let tabWatches = 0;

  const api: PageMenuApi = {
    extensionId: ID,
    hasSiteAccess: async () => access,
    onPermissionsAdded: added.event,
    onPermissionsRemoved: removed.event,
    scripts:
      options.withScripts === false
        ? undefined
        : {
            async registeredIds() {
              const answer = [...registeredIds];
              if (options.slowLookup) await new Promise((resolve) => setTimeout(resolve, 0));
              return answer;
            },
            async register(script) {
              calls.push(`register ${script.id}`);
              // As Chrome does: an ID may be registered only once.
              if (registeredIds.includes(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
              registrations.push({ ...script, matches: [...script.matches] });
              registeredIds.push(script.id);
            },
            async unregister(id) {
              calls.push(`unregister ${id}`);
              registeredIds.splice(registeredIds.indexOf(id), 1);
            },
            async injectIntoOpenTabs(file, matches) {
              calls.push(`inject ${file}`);
              injections.push({ file, matches: [...matches] });
            },
          },
    showMenu: async (look) => {
      calls.push(`show ${look.visible}`);
      if (options.showMenu) await options.showMenu(look);
      shown.push(look);
    },
    onMessage: messages.event,
    loadState: async () => saved,
    async saveState(snapshot) {
      saves += 1;
      saved = structuredClone(snapshot);
    },
    watchTabs(handlers) {
      tabWatches += 1;
      tabHandlers = handlers;
      return () => {
        if (tabHandlers === handlers) tabHandlers = undefined;
      };
    },
    log: (message, error) => void logged.push({ message, error }),
  };

  return {
    api,
    calls,
    registrations,
    injections,
    registeredIds,
    shown,
    logged,
    listenerCounts: () => [added, removed, messages].map((l) => l.added.length),
    saved: () => saved,
    saves: () => saves,
    /** Whether the worker listens to tabs now, and how often it started to. */
    watchingTabs: () => tabHandlers !== undefined,
    tabWatches: () => tabWatches,
    grant() {
      access = true;
      for (const listener of added.added) listener();
    },
    revoke() {
      access = false;
      for (const listener of removed.added) listener();
    },
    send(message: unknown, sender: SenderInfo = PAGE) {
      for (const listener of messages.added) listener(message, sender);
    },
    activate: (tabId: number) => tabHandlers?.activated(tabId),
    leave: (tabId: number) => tabHandlers?.left(tabId),
    focus: (tabId: number | undefined) => tabHandlers?.windowFocused(tabId),
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('page menu: the selection script follows the grant', () => {
  it('names the registered script and its built file', () => {
    expect(PAGE_SCRIPT).toEqual({ id: 'linq-selection-watch', file: 'page/selection-watch.js' });
  });

  it('adds every listener synchronously, before any answer from Chrome', () => {
    const fake = fakeApi({ access: true });
    startPageMenu(fake.api);
    expect(fake.listenerCounts()).toEqual([1, 1, 1]);
    expect(fake.watchingTabs()).toBe(true);
  });

  it('stops listening to tabs once it finds the page menu off, and listens again from the grant to the removal', async () => {
    // Otherwise Chrome would start the worker for every tab switch and page load of an operator who never
    // turned the page menu on.
    const fake = fakeApi({ access: false });
    await startPageMenu(fake.api).ready;
    expect(fake.watchingTabs()).toBe(false);
    fake.grant();
    await flush();
    expect(fake.watchingTabs()).toBe(true);
    expect(fake.tabWatches()).toBe(2);
    fake.grant();
    await flush();
    expect(fake.tabWatches()).toBe(2);
    fake.revoke();
    await flush();
    expect(fake.watchingTabs()).toBe(false);
  });

  it('keeps listening to tabs when the page menu is on at start', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    expect(fake.watchingTabs()).toBe(true);
    expect(fake.tabWatches()).toBe(1);
  });

  it('registers the script once at start when access is given, without injecting into open tabs', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    await flush();
    expect(fake.registrations).toEqual([REGISTERED]);
    expect(fake.registrations[0]?.matches).toEqual([...PAGE_MENU_SITES]);
    expect(fake.injections).toEqual([]);
    expect(fake.calls).toEqual(['register linq-selection-watch']);
    expect(fake.shown).toEqual([]);
    expect(fake.logged).toEqual([]);
  });

  it('does not register the script again when it is already registered', async () => {
    const fake = fakeApi({ access: true, registered: ['linq-selection-watch'] });
    await startPageMenu(fake.api).ready;
    await flush();
    expect(fake.calls).toEqual([]);
    expect(fake.registeredIds).toEqual(['linq-selection-watch']);
    expect(fake.logged).toEqual([]);
  });

  it('unregisters a leftover script and hides the item when access is gone at start', async () => {
    const fake = fakeApi({ access: false, registered: ['other-script', 'linq-selection-watch'] });
    await startPageMenu(fake.api).ready;
    await flush();
    expect(fake.calls).toEqual(['unregister linq-selection-watch', 'show false']);
    expect(fake.registeredIds).toEqual(['other-script']);
    expect(fake.shown).toEqual([HIDDEN]);
  });

  it('registers nothing and only hides the item when there is no access and no script', async () => {
    const fake = fakeApi({ access: false });
    await startPageMenu(fake.api).ready;
    await flush();
    expect(fake.calls).toEqual(['show false']);
    expect(fake.shown).toEqual([HIDDEN]);
  });

  it('registers the script and injects it into open tabs when access is given', async () => {
    const fake = fakeApi({ access: false });
    await startPageMenu(fake.api).ready;
    await flush();
    fake.grant();
    await flush();
    expect(fake.registrations).toEqual([REGISTERED]);
    expect(fake.injections).toEqual([{ file: 'page/selection-watch.js', matches: ['https://*/*', 'http://*/*'] }]);
    expect(fake.calls).toEqual(['show false', 'register linq-selection-watch', 'inject page/selection-watch.js']);
    expect(fake.logged).toEqual([]);
  });

  it('unregisters the script and hides the item when access is taken back', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    expect(fake.shown).toEqual([SHOWN]);
    fake.revoke();
    await flush();
    expect(fake.registeredIds).toEqual([]);
    expect(fake.shown).toEqual([SHOWN, HIDDEN]);
    expect(fake.calls).toEqual([
      'register linq-selection-watch',
      'show true',
      'unregister linq-selection-watch',
      'show false',
    ]);
  });

  it('keeps the item hidden for a report that comes after access was taken back', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    fake.revoke();
    await flush();
    fake.send({ type: 'page.selection', chatId: OTHER_CHAT });
    fake.activate(7);
    await flush();
    expect(fake.shown).toEqual([SHOWN, HIDDEN]);
  });

  it('a grant that arrives while the start-up setup runs registers once and still reaches the open tabs', async () => {
    // "Turn on" can wake the worker: it starts with the access already there, and the grant's event follows.
    const fake = fakeApi({ access: true, slowLookup: true });
    const { ready } = startPageMenu(fake.api);
    fake.grant();
    await ready;
    await flush();
    expect(fake.calls.filter((call) => call.startsWith('register'))).toEqual(['register linq-selection-watch']);
    expect(fake.injections).toEqual([{ file: 'page/selection-watch.js', matches: ['https://*/*', 'http://*/*'] }]);
    expect(fake.logged).toEqual([]);
  });

  it('does not bring back, when turned on again, what a page reported while the menu was off', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.revoke();
    await flush();
    // A page opened while the menu was on keeps its script, and may still report.
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    fake.grant();
    await flush();
    fake.activate(7);
    await flush();
    expect(fake.shown.filter((look) => look.visible)).toEqual([]);
  });

  it('runs without a scripting API, still following the grant for the item', async () => {
    const fake = fakeApi({ access: false, withScripts: false });
    await startPageMenu(fake.api).ready;
    await flush();
    expect(fake.shown).toEqual([HIDDEN]);
    fake.grant();
    await flush();
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    expect(fake.shown).toEqual([HIDDEN, SHOWN]);
    expect(fake.logged).toEqual([]);
  });

  it('logs a failed setup instead of throwing', async () => {
    const fake = fakeApi({ access: true });
    const failure = new Error('scripting refused');
    fake.api.hasSiteAccess = async () => {
      throw failure;
    };
    await expect(startPageMenu(fake.api).ready).resolves.toBeUndefined();
    expect(fake.logged).toEqual([{ message: 'could not set up the page menu', error: failure }]);
  });
});

describe('page menu: selection reports', () => {
  it('shows the item with the chat ID a page of this extension reports', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    expect(fake.shown).toEqual([SHOWN]);
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    expect(fake.shown).toEqual([SHOWN]);
    fake.send({ type: 'page.selection' });
    await flush();
    expect(fake.shown).toEqual([SHOWN, HIDDEN]);
  });

  it('limits each tab to a handful of reports a second, and still shows the latest once the second has passed', async () => {
    const fake = fakeApi({ access: true });
    let clock = 0;
    const timers: Array<{ at: number; run: () => void }> = [];
    const limits = {
      now: () => clock,
      schedule: (run: () => void, ms: number) => void timers.push({ at: clock + ms, run }),
    };
    await startPageMenu(fake.api, limits).ready;
    // A page's script flipping its selection between two chats as fast as it can.
    for (let i = 0; i < 1_000; i += 1) fake.send({ type: 'page.selection', chatId: i % 2 === 0 ? CHAT : OTHER_CHAT });
    fake.send({ type: 'page.selection', chatId: CHAT }, { ...PAGE, tab: { id: 8 } });
    await flush();
    expect(fake.shown.length).toBeLessThanOrEqual(11);
    // Another tab is not held back by this one.
    expect(fake.shown.at(-1)).toEqual(SHOWN);
    clock = 1_000;
    for (const timer of timers.splice(0)) if (timer.at <= clock) timer.run();
    fake.activate(7);
    await flush();
    // The last report of tab 7 was the other chat: that is what the item shows, not a stale one.
    expect(fake.shown.at(-1)).toEqual(SHOWN_OTHER);
  });

  it('lower-cases an upper-case chat ID and hides the item for a report that is no chat UUID', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT.toUpperCase() });
    await flush();
    fake.send({ type: 'page.selection', chatId: 'not-a-uuid' });
    await flush();
    expect(fake.shown).toEqual([SHOWN, HIDDEN]);
  });

  it.each<[string, unknown, SenderInfo]>([
    [
      'an extension page',
      { type: 'page.selection', chatId: CHAT },
      { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` },
    ],
    [
      'an extension page opened as a tab',
      { type: 'page.selection', chatId: CHAT },
      { id: ID, url: `chrome-extension://${ID}/src/popup/index.html`, tab: { id: 7 } },
    ],
    [
      'another extension',
      { type: 'page.selection', chatId: CHAT },
      { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'https://crm.example/x', tab: { id: 7 } },
    ],
    [
      'a file:// page',
      { type: 'page.selection', chatId: CHAT },
      { id: ID, url: 'file:///home/me/chat.html', tab: { id: 7 } },
    ],
    ['a sender outside any tab', { type: 'page.selection', chatId: CHAT }, { id: ID, url: 'https://crm.example/x' }],
    ['a message of another type', { type: 'typing.stop', chatId: CHAT }, PAGE],
    ['a chat ID that is not a string', { type: 'page.selection', chatId: 42 }, PAGE],
    ['a chat ID longer than a UUID', { type: 'page.selection', chatId: `chat ${CHAT}` }, PAGE],
    ['a bare string', 'page.selection', PAGE],
    ['nothing', undefined, PAGE],
  ])('ignores %s', async (_name, message, sender) => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.send(message, sender);
    await flush();
    expect(fake.shown).toEqual([]);
    expect(fake.calls).toEqual(['register linq-selection-watch']);
  });

  it('follows the tab in front, remembering each tab\u2019s report', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    fake.activate(8);
    await flush();
    fake.activate(7);
    await flush();
    fake.send({ type: 'page.selection', chatId: OTHER_CHAT }, { ...PAGE, tab: { id: 8 } });
    await flush();
    fake.focus(7);
    await flush();
    expect(fake.shown).toEqual([SHOWN, HIDDEN, SHOWN, SHOWN_OTHER, SHOWN]);
  });

  it('changes nothing when focus leaves Chrome', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    fake.focus(undefined);
    await flush();
    expect(fake.shown).toEqual([SHOWN]);
  });

  it('hides the item when the tab in front navigates or closes', async () => {
    const fake = fakeApi({ access: true });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    fake.leave(7);
    await flush();
    fake.activate(7);
    await flush();
    expect(fake.shown).toEqual([SHOWN, HIDDEN]);
  });
});

describe('page menu: a worker that Chrome stopped and started again', () => {
  it('the next worker still knows which tab holds which chat, and what the item shows', async () => {
    const first = fakeApi({ access: true });
    await startPageMenu(first.api).ready;
    first.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    expect(first.shown).toEqual([SHOWN]);

    // Chrome keeps storage.session across the worker's restarts, not the worker's memory.
    const next = fakeApi({ access: true, registered: ['linq-selection-watch'], saved: first.saved() });
    await startPageMenu(next.api).ready;
    await flush();
    expect(next.shown).toEqual([]);
    next.activate(9);
    next.activate(7);
    await flush();
    expect(next.shown).toEqual([HIDDEN, SHOWN]);
  });

  it('saves only what changed: a worker started with the menu off and nothing new writes nothing', async () => {
    const first = fakeApi({ access: false });
    await startPageMenu(first.api).ready;
    await flush();
    expect(first.saves()).toBe(1);
    const next = fakeApi({ access: false, saved: first.saved() });
    await startPageMenu(next.api).ready;
    await flush();
    expect(next.saves()).toBe(0);
    expect(next.shown).toEqual([]);
  });

  it('ignores a saved state that does not parse, and a saved chat that is no UUID', async () => {
    for (const saved of ['garbage', { chatByTab: 'x' }, { chatByTab: [[7, 'not-a-chat']], activeTab: 7 }]) {
      const fake = fakeApi({ access: true, registered: ['linq-selection-watch'], saved });
      await startPageMenu(fake.api).ready;
      fake.activate(7);
      await flush();
      expect(fake.shown, JSON.stringify(saved)).toEqual([HIDDEN]);
    }
  });
});

describe('page menu: asking Chrome to change the item', () => {
  it('asks one change at a time, in order, even when an earlier one is slow', async () => {
    const slow = deferred();
    const started: MenuLook[] = [];
    const fake = fakeApi({
      access: true,
      showMenu: async (look) => {
        started.push(look);
        if (started.length === 1) await slow.promise;
      },
    });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT });
    fake.send({ type: 'page.selection' });
    fake.send({ type: 'page.selection', chatId: OTHER_CHAT });
    await flush();
    expect(started).toEqual([SHOWN]);
    expect(fake.shown).toEqual([]);
    slow.resolve();
    await flush();
    expect(started).toEqual([SHOWN, HIDDEN, SHOWN_OTHER]);
    expect(fake.shown).toEqual([SHOWN, HIDDEN, SHOWN_OTHER]);
  });

  it('logs a refused change and goes on with the next one', async () => {
    const failure = new Error('Cannot update the menu');
    let first = true;
    const fake = fakeApi({
      access: true,
      showMenu: async () => {
        if (!first) return;
        first = false;
        throw failure;
      },
    });
    await startPageMenu(fake.api).ready;
    expect(() => fake.send({ type: 'page.selection', chatId: CHAT })).not.toThrow();
    await flush();
    expect(fake.logged).toEqual([{ message: 'could not update the menu item', error: failure }]);
    expect(fake.shown).toEqual([]);
    fake.send({ type: 'page.selection' });
    await flush();
    expect(fake.shown).toEqual([HIDDEN]);
    expect(fake.logged).toHaveLength(1);
  });

  it('tries a refused change again on the next report, even when that report is the same', async () => {
    let refuse = true;
    const fake = fakeApi({
      access: true,
      showMenu: async () => {
        if (refuse) throw new Error('Cannot update the menu');
      },
    });
    await startPageMenu(fake.api).ready;
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    expect(fake.shown).toEqual([]);
    refuse = false;
    // The focus event makes the page report the same selection again.
    fake.send({ type: 'page.selection', chatId: CHAT });
    await flush();
    expect(fake.shown).toEqual([SHOWN]);
  });
});
