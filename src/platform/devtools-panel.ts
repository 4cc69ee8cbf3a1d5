import { browser } from './browser.ts';

/** The DevTools page's only job: add the "Linq" panel. */
export function createLinqPanel(): void {
  void browser.devtools.panels.create('Linq', '/icons/icon-32.png', '/src/devtools/panel.html');
}
