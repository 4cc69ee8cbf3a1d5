import type { PageMenuAccess } from './client.ts';

/** Firefox only: why Remember key is refused while the page menu is on (src/ui/firefox-page-menu-guard.ts). */
export const REMEMBER_REFUSED =
  'Not remembered: in Firefox, the page menu\u2019s script in web pages could read a key kept on this device. ' +
  'Turn off the page menu (Settings) first. The key stays in memory only.';

/**
 * Ticking Remember key is refused while the page menu is on. `refuse` shows the reason beside the key
 * (undefined clears it) and re-renders the form, which puts the box back as it was.
 */
export function rememberUnlessPageMenu(
  remember: (on: boolean) => void,
  pageMenu: Pick<PageMenuAccess, 'isOn'>,
  refuse: (reason: string | undefined) => void,
): (on: boolean) => void {
  return (on) => {
    if (!on) return remember(false);
    void pageMenu.isOn().then(
      (menuOn) => {
        refuse(menuOn ? REMEMBER_REFUSED : undefined);
        if (!menuOn) remember(true);
      },
      () => refuse(REMEMBER_REFUSED),
    );
  };
}
