/**
 * The real DevTools panel follows DevTools' theme (issue 6, item 6): in the "Linq" panel of a real DevTools
 * window, <html data-theme> is chrome.devtools.panels.themeName mapped to dark or light, and the colours
 * follow it even when the system colour scheme says otherwise. One browser whose system scheme is forced
 * dark: DevTools (following the system) starts dark; then DevTools' own theme is set to light and reloaded.
 * No mock: nothing is sent.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  attachDevTools,
  launchWithDevTools,
  showLinqPanel,
  type DevToolsBrowser,
  type RawTarget,
} from './harness/devtools.ts';

interface PanelTheme {
  themeName: string;
  dataTheme?: string;
  background: string;
  systemPrefersDark: boolean;
  inspectedTabId: string;
}

const READ_THEME = `({
  themeName: chrome.devtools.panels.themeName,
  dataTheme: document.documentElement.dataset.theme,
  background: getComputedStyle(document.body).backgroundColor,
  systemPrefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
  inspectedTabId: typeof chrome.devtools.inspectedWindow.tabId,
})`;

const DARK_BACKGROUND = 'rgb(30, 31, 34)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

let browser: DevToolsBrowser;
let devtools: RawTarget;
let firstPanelId: string;

beforeAll(async () => {
  browser = await launchWithDevTools({ forceDarkMode: true });
  devtools = await attachDevTools(browser.cdp);
});

afterAll(async () => {
  await browser?.close();
});

test('in dark DevTools the panel is dark (data-theme from themeName), even when the system prefers light', async () => {
  const panel = await showLinqPanel(browser.cdp, devtools, browser.extensionId);
  firstPanelId = panel.info.targetId;
  const theme = await panel.evaluate<PanelTheme>(READ_THEME);
  // A genuine DevTools panel, not a tab.
  expect(theme.inspectedTabId).toBe('number');
  expect(theme.themeName).toBe('dark');
  expect(theme.dataTheme).toBe(theme.themeName === 'dark' ? 'dark' : 'light');
  expect(theme.background).toBe(DARK_BACKGROUND);

  await panel.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'light' }] });
  expect(await panel.evaluate<PanelTheme>(READ_THEME)).toMatchObject({
    systemPrefersDark: false,
    dataTheme: 'dark',
    background: DARK_BACKGROUND,
  });
});

test('in light DevTools the panel is light, even when the system prefers dark', async () => {
  // DevTools' own theme setting ("ui-theme"), as its Settings › Appearance writes it; DevTools then reloads.
  await devtools.evaluate(`InspectorFrontendHost.setPreference('ui-theme', '"default"')`);
  await devtools.send('Page.reload');
  const panel = await showLinqPanel(browser.cdp, devtools, browser.extensionId, firstPanelId);
  const theme = await panel.evaluate<PanelTheme>(READ_THEME);
  expect(theme.inspectedTabId).toBe('number');
  expect(theme.themeName).not.toBe('dark');
  expect(theme.dataTheme).toBe(theme.themeName === 'dark' ? 'dark' : 'light');
  expect(theme).toMatchObject({ dataTheme: 'light', systemPrefersDark: true, background: LIGHT_BACKGROUND });
});
