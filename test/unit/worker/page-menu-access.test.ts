import { describe, expect, it } from 'vitest';
import { createPageMenuAccess, type PagePermissions } from '../../../src/platform/page-menu-access.ts';

const SITES = { origins: ['https://*/*', 'http://*/*'] };

type Listener = () => void;

/** chrome.permissions as far as the switch uses it: what it was asked, and its listeners. */
function fakePermissions(options: { granted?: boolean; requestAnswer?: boolean; removeTakesEffect?: boolean } = {}) {
  let granted = options.granted ?? false;
  const asked: { call: string; permissions: { origins: string[] } }[] = [];
  const onAdded = new Set<Listener>();
  const onRemoved = new Set<Listener>();
  const permissions: PagePermissions = {
    async contains(wanted) {
      asked.push({ call: 'contains', permissions: wanted });
      return granted;
    },
    async request(wanted) {
      asked.push({ call: 'request', permissions: wanted });
      const answer = options.requestAnswer ?? true;
      if (answer) granted = true;
      return answer;
    },
    async remove(wanted) {
      asked.push({ call: 'remove', permissions: wanted });
      if (options.removeTakesEffect ?? true) granted = false;
      return true;
    },
    onAdded: {
      addListener: (listener) => void onAdded.add(listener),
      removeListener: (listener) => void onAdded.delete(listener),
    },
    onRemoved: {
      addListener: (listener) => void onRemoved.add(listener),
      removeListener: (listener) => void onRemoved.delete(listener),
    },
  };
  return {
    permissions,
    asked,
    onAdded,
    onRemoved,
    fireAdded: () => onAdded.forEach((listener) => listener()),
    fireRemoved: () => onRemoved.forEach((listener) => listener()),
  };
}

describe('page menu switch', () => {
  it('turns on by asking Chrome for every http and https site, and answers what Chrome answered', async () => {
    const granted = fakePermissions({ requestAnswer: true });
    expect(await createPageMenuAccess(granted.permissions).turnOn()).toBe(true);
    expect(granted.asked).toEqual([{ call: 'request', permissions: SITES }]);

    const refused = fakePermissions({ requestAnswer: false });
    expect(await createPageMenuAccess(refused.permissions).turnOn()).toBe(false);
    expect(refused.asked).toEqual([{ call: 'request', permissions: SITES }]);
  });

  it('turns off by giving those sites back, and says it worked only once Chrome no longer holds them', async () => {
    const fake = fakePermissions({ granted: true });
    expect(await createPageMenuAccess(fake.permissions).turnOff()).toBe(true);
    expect(fake.asked).toEqual([
      { call: 'remove', permissions: SITES },
      { call: 'contains', permissions: SITES },
    ]);
  });

  it('answers false when the sites are still granted after turning off (a required or policy grant)', async () => {
    const fake = fakePermissions({ granted: true, removeTakesEffect: false });
    expect(await createPageMenuAccess(fake.permissions).turnOff()).toBe(false);
    expect(fake.asked.map((a) => a.call)).toEqual(['remove', 'contains']);
  });

  it('is on exactly while Chrome holds those sites', async () => {
    const off = fakePermissions({ granted: false });
    expect(await createPageMenuAccess(off.permissions).isOn()).toBe(false);
    expect(off.asked).toEqual([{ call: 'contains', permissions: SITES }]);

    const on = fakePermissions({ granted: true });
    expect(await createPageMenuAccess(on.permissions).isOn()).toBe(true);
    expect(on.asked).toEqual([{ call: 'contains', permissions: SITES }]);
  });

  it('tells its listener when a permission is added or removed, until the listener is removed', () => {
    const fake = fakePermissions();
    let changes = 0;
    const stop = createPageMenuAccess(fake.permissions).onChange(() => changes++);
    expect([fake.onAdded.size, fake.onRemoved.size]).toEqual([1, 1]);
    fake.fireAdded();
    expect(changes).toBe(1);
    fake.fireRemoved();
    expect(changes).toBe(2);
    stop();
    expect([fake.onAdded.size, fake.onRemoved.size]).toEqual([0, 0]);
    fake.fireAdded();
    fake.fireRemoved();
    expect(changes).toBe(2);
  });

  it('removes only its own listeners', () => {
    const fake = fakePermissions();
    const access = createPageMenuAccess(fake.permissions);
    let first = 0;
    let second = 0;
    const stopFirst = access.onChange(() => first++);
    access.onChange(() => second++);
    stopFirst();
    fake.fireAdded();
    expect([first, second]).toEqual([0, 1]);
    expect([fake.onAdded.size, fake.onRemoved.size]).toEqual([1, 1]);
  });
});
