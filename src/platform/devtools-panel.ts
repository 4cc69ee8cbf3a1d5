import { browser } from './browser.ts';

/**
 * Adds the "Linq" panel. `onFirstShown` runs the first time the operator opens it (the page traffic's getHAR
 * backfill then brings in what DevTools saw before the capture listened).
 */
export function createLinqPanel(onFirstShown?: () => void): void {
  void browser.devtools.panels.create('Linq', '/icons/icon-32.png', '/src/devtools/panel.html').then((panel) => {
    if (!onFirstShown) return;
    const shown = () => {
      panel.onShown.removeListener(shown);
      onFirstShown();
    };
    panel.onShown.addListener(shown);
  });
}
