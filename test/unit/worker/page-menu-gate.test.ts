import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createPageMenuGate, holdsRememberedKey, type GateStorage } from '../../../src/platform/page-menu-gate.ts';
import { createKeyStore, isKeySlot, keySlot } from '../../../src/platform/key-store.ts';
import { onlyWhileGateAllows } from '../../../src/platform/page-menu-api.ts';
import { startPageMenu, type PageMenuApi } from '../../../src/background/page-menu.ts';
import { PAGE_SCRIPT } from '../../../src/core/page-script.ts';
import { KEY, storage } from './fixtures.ts';

/** Firefox's storage as the gate sees it: the in-memory browser's, without setAccessLevel (Chrome-only). */
const firefoxStorage = (): GateStorage => ({
  local: { get: (keys) => fakeBrowser.storage.local.get(keys) },
  onChanged: fakeBrowser.storage.onChanged,
});
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

afterEach(() => fakeBrowser.reset());

describe('the page menu gate: setAccessLevel where the browser has it, no remembered key where it does not', () => {
  it('in Chrome, closes storage.local to pages and allows the page menu once that is confirmed', async () => {
    const asked: unknown[] = [];
    const chromeLocal: GateStorage['local'] = {
      get: (keys) => fakeBrowser.storage.local.get(keys),
      setAccessLevel: async (options) => void asked.push(options),
    };
    const gate = createPageMenuGate({ ...firefoxStorage(), local: chromeLocal }, () => undefined);
    expect(gate.storageOpenToPages).toBe(false);
    await createKeyStore(storage()).save('production', KEY, true);
    // A remembered key does not matter in Chrome: pages cannot read it there.
    expect(await gate.allows()).toBe(true);
    expect(asked).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
  });

  it('in Firefox (no setAccessLevel), allows the page menu only while no key is remembered', async () => {
    const log: string[] = [];
    const gate = createPageMenuGate(firefoxStorage(), (message) => void log.push(message));
    expect(gate.storageOpenToPages).toBe(true);
    const keys = createKeyStore(storage());
    await keys.save('production', KEY, false);
    expect(await gate.allows()).toBe(true);
    await keys.move('production', true);
    expect(await fakeBrowser.storage.local.get(keySlot('production'))).toEqual({ [keySlot('production')]: KEY });
    expect(await gate.allows()).toBe(false);
    await keys.move('production', false);
    expect(await gate.allows()).toBe(true);
    // Nothing to report: a missing setAccessLevel is expected there, not a failure.
    expect(log).toEqual([]);
  });

  it('in Firefox, hears a key being remembered or forgotten, and nothing else', async () => {
    const gate = createPageMenuGate(firefoxStorage(), () => undefined);
    let heard = 0;
    gate.onChange(() => heard++);
    await fakeBrowser.storage.local.set({ settings: { timeoutMs: 5000 } });
    await fakeBrowser.storage.session.set({ [keySlot('production')]: KEY });
    expect(heard).toBe(0);
    await createKeyStore(storage()).move('production', true);
    expect(heard).toBe(1);
  });

  it('names key slots exactly as the key store does', () => {
    for (const name of [keySlot('production'), keySlot('x'), 'apiKey', 'settings', 'lastChat.production', 'apikey.x'])
      expect(holdsRememberedKey({ [name]: KEY })).toBe(isKeySlot(name));
    expect(holdsRememberedKey({ [keySlot('production')]: '' })).toBe(false);
  });

  it('in Firefox, takes the selection script away when a key is remembered, and brings it back when forgotten', async () => {
    const gate = createPageMenuGate(firefoxStorage(), () => undefined);
    const registered = new Set<string>();
    const removed: Array<() => void> = [];
    const event = { addListener: () => undefined };
    const api: PageMenuApi = {
      extensionId: 'linq-typing-inspector@linqapp.com',
      hasSiteAccess: onlyWhileGateAllows(async () => true, gate.allows),
      onPermissionsAdded: event,
      onPermissionsRemoved: {
        addListener(listener) {
          removed.push(listener);
          gate.onChange(listener);
        },
      },
      scripts: {
        registeredIds: async () => [...registered],
        register: async (script) => void registered.add(script.id),
        unregister: async (id) => void registered.delete(id),
        injectIntoOpenTabs: async () => undefined,
      },
      showMenu: async () => undefined,
      loadState: async () => undefined,
      saveState: async () => undefined,
      onMessage: event,
      watchTabs: () => () => undefined,
      log: () => undefined,
    };
    await startPageMenu(api).ready;
    expect([...registered]).toEqual([PAGE_SCRIPT.id]);
    const keys = createKeyStore(storage());
    await keys.save('production', KEY, true);
    await flush();
    expect([...registered]).toEqual([]);
    await keys.forget('production');
    await flush();
    expect([...registered]).toEqual([PAGE_SCRIPT.id]);
  });
});
