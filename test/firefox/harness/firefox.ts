import { launch, type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/platform/firefox-manifest.ts';
import { ROOT_DIR, VIEW_PATHS, type ViewName } from '../../e2e/harness/paths.ts';
import { waitUntil } from '../../e2e/harness/wait.ts';

/** Debian's Firefox ESR (apt-get install firefox-esr); FIREFOX_PATH for another. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** dist-firefox/ by default; FIREFOX_DIST_DIR lets two runs on one machine use separate builds. */
export const FIREFOX_DIST_DIR = process.env.FIREFOX_DIST_DIR ?? `${ROOT_DIR}/dist-firefox`;

/**
 * Firefox gives each install a random UUID for its moz-extension:// host; this pins it (the pref
 * extensions.webextensions.uuids), so the tests know the pages' URLs before the add-on is installed.
 */
export const EXTENSION_UUID = '3f6e1d2c-9a4b-4c7d-8e5f-0a1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxLaunch {
  distDir?: string;
  prefs?: Record<string, unknown>;
  executablePath?: string;
  /** true unless told (npm start shows the window). */
  headless?: boolean;
  /** A profile folder of the caller's, kept after the browser closes; puppeteer's own temporary one otherwise. */
  userDataDir?: string;
  /** false: the caller ends the browser on Ctrl+C, not puppeteer. */
  handleSignals?: boolean;
}

export interface FirefoxSession {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless Firefox ESR over WebDriver BiDi, with dist-firefox/ installed as a temporary add-on (as
 * about:debugging's "Load Temporary Add-on" does). Firefox refuses WebDriver navigation to moz-extension://
 * pages without --remote-allow-system-access.
 */
export async function launchFirefox(options: FirefoxLaunch = {}): Promise<FirefoxSession> {
  const signals = options.handleSignals ?? true;
  const browser = await launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? FIREFOX,
    headless: options.headless ?? true,
    userDataDir: options.userDataDir,
    handleSIGINT: signals,
    handleSIGTERM: signals,
    handleSIGHUP: signals,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // The add-on's console output on Firefox's stdout, for a failing run (FIREFOX_DUMPIO=1 shows it).
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      ...options.prefs,
    },
    dumpio: process.env.FIREFOX_DUMPIO === '1',
  });
  try {
    const installed = await browser.installExtension(options.distDir ?? FIREFOX_DIST_DIR);
    if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, close: () => browser.close() };
}

/** A selector for the element with this ARIA role and accessible name (puppeteer's aria query). */
export function byRole(role: string, name: string): string {
  return `::-p-aria([name="${name.replaceAll('"', '\\"')}"][role="${role}"])`;
}

/**
 * A text field by its accessible name. Firefox's accessibility tree gives a password field no "textbox" role,
 * so this takes the input or textarea among the elements of that name (its label is one of them).
 */
export function fieldNamed(name: string): string {
  return `::-p-aria([name="${name.replaceAll('"', '\\"')}"])`;
}

/**
 * The input or textarea of this accessible name. Puppeteer's Locator waits (fill, click) never settled in
 * headless Firefox here, so the harness works with element handles and polls.
 */
export async function textField(page: Page, name: string): Promise<ElementHandle<HTMLInputElement>> {
  for (const candidate of await page.$$(fieldNamed(name))) {
    if (await candidate.evaluate((element) => element.tagName === 'INPUT' || element.tagName === 'TEXTAREA'))
      return candidate as ElementHandle<HTMLInputElement>;
  }
  throw new Error(`no text field named ${name}`);
}

/** The element of this role and name, once it is there. */
export async function byRoleAndName(page: Page, role: string, name: string, timeout = 10_000): Promise<ElementHandle> {
  const found = await page.waitForSelector(byRole(role, name), { timeout });
  if (!found) throw new Error(`no ${role} named ${name}`);
  return found;
}

export function viewUrl(view: ViewName): string {
  return `${EXTENSION_ORIGIN}/${VIEW_PATHS[view]}`;
}

/**
 * Opens an extension page in a new tab. page.goto to a moz-extension:// URL never resolves under BiDi, so the
 * navigation is started and the page's own location polled.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  void page.goto(url).catch(() => undefined);
  await waitUntil(async () => (await page.evaluate(() => location.href)) === url, {
    timeout: 15_000,
    message: `${url} did not open`,
    describe: () => page.url(),
  });
  return page;
}

/** Opens the popup or the panel page as a tab, once it shows its stored settings and key (as e2e's views.ts). */
export async function openView(browser: Browser, view: ViewName): Promise<Page> {
  const page = await openExtensionPage(browser, VIEW_PATHS[view]);
  await page.waitForSelector(byRole('region', 'History'), { timeout: 15_000 });
  // The panel keeps the key in its settings drawer, which its toolbar's Settings button opens.
  if (view === 'panel') await (await byRoleAndName(page, 'button', 'Settings')).click();
  // The key field is aria-busy until the stored key is in.
  await waitUntil(
    async () => (await (await textField(page, 'API key')).evaluate((input) => !input.ariaBusy)) ?? false,
    {
      timeout: 15_000,
      message: `the ${view}'s API key field did not load`,
    },
  );
  return page;
}
