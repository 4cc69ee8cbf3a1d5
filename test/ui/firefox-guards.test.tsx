/** Firefox's refusal of a remembered key together with the page menu (both halves), each on its own. */
import { act, renderHook } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { PAGE_MENU_PAUSED, PAGE_MENU_REFUSED, useKeysGuardedPageMenu } from '../../src/ui/firefox-page-menu-guard.ts';
import { REMEMBER_REFUSED, rememberUnlessPageMenu } from '../../src/ui/firefox-remember-guard.ts';
import type { PageMenuView } from '../../src/ui/usePageMenu.ts';

const remembering = (on: boolean): Settings => ({
  ...DEFAULT_SETTINGS,
  profiles: DEFAULT_SETTINGS.profiles.map((profile, index) => ({ ...profile, rememberKey: on && index === 1 })),
});

function plainSwitch(asked: string[]): PageMenuView {
  return { status: 'off', turnOn: () => void asked.push('turnOn'), turnOff: () => void asked.push('turnOff') };
}

/** Access to all sites granted outside the extension (about:addons). */
const granted = (): PageMenuView => ({ ...plainSwitch([]), status: 'on' });

describe('Turn on page menu, in Firefox', () => {
  it('is refused with its reason, and asks the browser nothing, while an environment remembers its key', () => {
    const asked: string[] = [];
    const { result } = renderHook(() => useKeysGuardedPageMenu(plainSwitch(asked), remembering(true)));
    act(() => result.current.turnOn());
    expect(asked).toEqual([]);
    expect(result.current.note).toBe(PAGE_MENU_REFUSED);
    expect(result.current.status).toBe('off');
  });

  it('says it is paused when access was granted elsewhere (about:addons) while a key is remembered', () => {
    const paused = renderHook(() => useKeysGuardedPageMenu(granted(), remembering(true)));
    expect(paused.result.current.note).toBe(PAGE_MENU_PAUSED);
    const running = renderHook(() => useKeysGuardedPageMenu(granted(), remembering(false)));
    expect(running.result.current.note).toBeUndefined();
  });

  it('goes straight to the browser (inside the click) when no key is remembered', () => {
    const asked: string[] = [];
    const { result } = renderHook(() => useKeysGuardedPageMenu(plainSwitch(asked), remembering(false)));
    act(() => result.current.turnOn());
    expect(asked).toEqual(['turnOn']);
    expect(result.current.note).toBeUndefined();
  });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Remember key on this device, in Firefox', () => {
  it('is refused with its reason while the page menu is on; nothing is remembered', async () => {
    const remembered: boolean[] = [];
    const reasons: Array<string | undefined> = [];
    const onChange = rememberUnlessPageMenu(
      (on) => void remembered.push(on),
      { isOn: async () => true },
      (reason) => void reasons.push(reason),
    );
    onChange(true);
    await settle();
    expect(remembered).toEqual([]);
    expect(reasons).toEqual([REMEMBER_REFUSED]);
  });

  it('remembers the key when the page menu is off, and unticking is never refused', async () => {
    const remembered: boolean[] = [];
    const reasons: Array<string | undefined> = [];
    let menuOn = false;
    const onChange = rememberUnlessPageMenu(
      (on) => void remembered.push(on),
      { isOn: async () => menuOn },
      (reason) => void reasons.push(reason),
    );
    onChange(true);
    await settle();
    menuOn = true;
    onChange(false);
    await settle();
    expect(remembered).toEqual([true, false]);
    expect(reasons).toEqual([undefined]);
  });
});
