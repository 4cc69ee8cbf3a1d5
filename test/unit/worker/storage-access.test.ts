import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT } from '../../../src/core/page-script.ts';
import { startPageMenu, type PageMenuApi } from '../../../src/background/page-menu.ts';
import { keepStorageFromPages, onlyWhileGateAllows } from '../../../src/platform/page-menu-api.ts';

type Log = Array<{ message: string; error: unknown }>;
const logTo = (log: Log) => (message: string, error: unknown) => void log.push({ message, error });

describe('the worker closes storage to web pages, and checks that Chrome did', () => {
  it('asks for trusted contexts only, and says so when it worked', async () => {
    const asked: unknown[] = [];
    const log: Log = [];
    const closed = await keepStorageFromPages(
      { setAccessLevel: async (options) => void asked.push(options) },
      logTo(log),
    );
    expect(closed).toBe(true);
    expect(asked).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    expect(log).toEqual([]);
  });

  it('reports failure, never throwing, when Chrome refuses or lacks the call (before Chrome 140)', async () => {
    const log: Log = [];
    const refused = await keepStorageFromPages(
      { setAccessLevel: () => Promise.reject(new Error('not allowed')) },
      logTo(log),
    );
    const missing = await keepStorageFromPages({}, logTo(log));
    expect([refused, missing]).toEqual([false, false]);
    expect(log.map((line) => line.message)).toEqual([
      'could not close storage to web pages, so the page menu stays off',
      'could not close storage to web pages, so the page menu stays off',
    ]);
    expect(String(log[1]?.error)).toMatch(/setAccessLevel/);
  });

  it('counts site access as the page menu being on only while storage is closed', async () => {
    expect(
      await onlyWhileGateAllows(
        async () => true,
        async () => true,
      )(),
    ).toBe(true);
    expect(
      await onlyWhileGateAllows(
        async () => true,
        async () => false,
      )(),
    ).toBe(false);
    expect(
      await onlyWhileGateAllows(
        async () => false,
        async () => true,
      )(),
    ).toBe(false);
  });

  it('with storage left open, the page script is never registered, even with access to all sites', async () => {
    const calls: string[] = [];
    const event = { addListener: () => undefined };
    const closed = keepStorageFromPages(
      { setAccessLevel: () => Promise.reject(new Error('not allowed')) },
      () => undefined,
    );
    const api: PageMenuApi = {
      extensionId: 'abcdefghijklmnopabcdefghijklmnop',
      hasSiteAccess: onlyWhileGateAllows(
        async () => true,
        () => closed,
      ),
      onPermissionsAdded: event,
      onPermissionsRemoved: event,
      scripts: {
        registeredIds: async () => [PAGE_SCRIPT.id],
        register: async (script) => void calls.push(`register ${script.id}`),
        unregister: async (id) => void calls.push(`unregister ${id}`),
        injectIntoOpenTabs: async (file) => void calls.push(`inject ${file}`),
      },
      showMenu: async () => undefined,
      loadState: async () => undefined,
      saveState: async () => undefined,
      onMessage: event,
      watchTabs: () => () => void calls.push('stop watching tabs'),
      log: () => undefined,
    };
    await startPageMenu(api).ready;
    // A script an earlier worker registered is taken away; none is added.
    expect(calls).toEqual(['stop watching tabs', `unregister ${PAGE_SCRIPT.id}`]);
  });
});
