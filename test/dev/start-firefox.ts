import { connect, type Browser } from 'puppeteer-core';
import { VIEW_PATHS } from '../e2e/harness/paths.ts';
import { makeProfileDir, removeProfileDir, START_PROFILE_PREFIX } from '../e2e/harness/profile.ts';
import { launchFirefox, openExtensionPage, viewUrl } from '../firefox/harness/firefox.ts';
import { MOCK_KEY, MOCK_KEY_SLOT, settingsForMock } from './start-mock-settings.ts';

export interface StartedFirefox {
  profileDir: string;
  popupUrl: string;
  /** Firefox's WebDriver BiDi address on loopback; free for another client between the script's own steps. */
  endpoint: string;
  /** Installs the extension again from its folder (after a rebuild) and opens its tabs again. */
  reload(): Promise<void>;
  /** Ends the browser and deletes the temporary profile. */
  close(): Promise<void>;
  /** Resolves when the browser ends, by close() or because the user closed its window. */
  closed: Promise<void>;
}

export interface FirefoxStart {
  executablePath: string;
  distDir: string;
  headless: boolean;
  mockUrl: string;
}

/**
 * A key the mock accepts in the Local mock environment's session slot, unless one is there; with `mockUrl`, that
 * environment active and pointed at the mock too (at first start; a reinstall keeps the operator's settings).
 */
async function prepareStorage(browser: Browser, mockUrl?: string): Promise<void> {
  const page = await openExtensionPage(browser, VIEW_PATHS.popup);
  await page.evaluate(
    async ({ settings, slot, key }) => {
      if (settings) await chrome.storage.local.set({ settings });
      if ((await chrome.storage.session.get(slot))[slot] === undefined)
        await chrome.storage.session.set({ [slot]: key });
    },
    { settings: mockUrl === undefined ? undefined : settingsForMock(mockUrl), slot: MOCK_KEY_SLOT, key: MOCK_KEY },
  );
  await page.close();
}

/**
 * The popup page in a tab, opened after the settings so it paints with them; at first start the mock's demo page
 * in another, instead of Firefox's blank tab. A reinstall closes the old popup tab and leaves the demo page.
 */
async function openTabs(browser: Browser, mockUrl?: string): Promise<void> {
  const blank = (await browser.pages()).filter((page) => page.url() === 'about:blank');
  const popup = await openExtensionPage(browser, VIEW_PATHS.popup);
  if (mockUrl !== undefined) {
    await (await browser.newPage()).goto(`${mockUrl}/demo`);
    for (const page of blank) await page.close();
  }
  await popup.bringToFront();
}

/**
 * Firefox with a fresh temporary profile and the Firefox build installed as a temporary add-on (as
 * about:debugging's "Load Temporary Add-on" does), the popup page open in a tab, pointed at the mock, and the
 * mock's demo page in another. The script's WebDriver BiDi session ends once it is set up: Firefox takes one at
 * a time, and the script connects again only to reinstall after a rebuild or to close.
 */
export async function startFirefox(start: FirefoxStart): Promise<StartedFirefox> {
  const profileDir = await makeProfileDir(START_PROFILE_PREFIX);
  const launched = await launchFirefox({
    distDir: start.distDir,
    executablePath: start.executablePath,
    headless: start.headless,
    userDataDir: profileDir,
    // Ctrl+C is ours: the browser, the mock and the profile go together.
    handleSignals: false,
  }).catch(async (error: unknown) => {
    await removeProfileDir(profileDir);
    throw error;
  });
  const firefox = launched.browser.process();
  const endpoint = launched.browser.wsEndpoint();
  let exited = !firefox || firefox.exitCode !== null || firefox.signalCode !== null;
  const closed = new Promise<void>((resolve) => {
    if (exited) resolve();
    else
      firefox!.once('exit', () => {
        exited = true;
        resolve();
      });
  });
  try {
    await prepareStorage(launched.browser, start.mockUrl);
    await openTabs(launched.browser, start.mockUrl);
    await launched.browser.disconnect();
  } catch (error) {
    await launched.close().catch(() => undefined);
    await removeProfileDir(profileDir);
    throw error;
  }
  const connected = () => connect({ browserWSEndpoint: endpoint, protocol: 'webDriverBiDi' });
  return {
    profileDir,
    popupUrl: viewUrl('popup'),
    endpoint,
    closed,
    async reload() {
      const browser = await connected();
      try {
        // A temporary add-on installed again with the same id replaces the old one, as about:debugging's Reload.
        await browser.installExtension(start.distDir);
        await prepareStorage(browser);
        await openTabs(browser);
      } finally {
        await browser.disconnect();
      }
    },
    async close() {
      if (!exited) {
        firefox!.kill('SIGTERM');
        await closed;
      }
      await removeProfileDir(profileDir);
    },
  };
}
