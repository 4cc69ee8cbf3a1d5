import { useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import type { PageMenuView } from './usePageMenu.ts';

/**
 * Firefox lets content scripts read storage.local (it has no storage.local.setAccessLevel), and the page menu
 * puts one in every web page. So in Firefox a key remembered on this device and the page menu never go
 * together: each is refused while the other is on, and nothing changes (the other half:
 * src/ui/firefox-remember-guard.ts; the worker's: src/platform/page-menu-gate.ts).
 */
export const PAGE_MENU_REFUSED =
  'Not turned on: in Firefox, the page menu\u2019s script in web pages could read a key kept on this device. ' +
  'Untick \u201cRemember key on this device\u201d in every environment first.';

/**
 * Access to all sites can also be granted outside the extension (about:addons) while a key is remembered: the
 * worker then keeps the script out of web pages, and the switch says so rather than just "On".
 */
export const PAGE_MENU_PAUSED =
  'Paused: an environment remembers its key on this device, so the page menu\u2019s script stays out of web ' +
  'pages. Untick \u201cRemember key on this device\u201d in every environment to use it.';

/** Whether any environment keeps its key on this device. */
export function remembersAnyKey(settings: Settings): boolean {
  return settings.profiles.some((profile) => profile.rememberKey);
}

/**
 * Turn on page menu is refused, with its reason as the switch's note, while an environment remembers its key.
 * The check is synchronous: Firefox shows the grant's prompt only inside the click.
 */
export function useKeysGuardedPageMenu(view: PageMenuView, settings: Settings): PageMenuView {
  const [refused, setRefused] = useState<string>();
  return {
    ...view,
    note: refused ?? view.note ?? (view.status === 'on' && remembersAnyKey(settings) ? PAGE_MENU_PAUSED : undefined),
    turnOn() {
      if (remembersAnyKey(settings)) return setRefused(PAGE_MENU_REFUSED);
      setRefused(undefined);
      view.turnOn();
    },
  };
}
