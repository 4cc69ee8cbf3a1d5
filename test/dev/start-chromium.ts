import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { extensionArgs } from '../e2e/harness/launch.ts';
import { makeProfileDir, removeProfileDir, START_PROFILE_PREFIX } from '../e2e/harness/profile.ts';
import { MOCK_KEY, MOCK_KEY_SLOT, settingsForMock } from './start-mock-settings.ts';

export interface StartedChromium {
  extensionId: string;
  profileDir: string;
  popupUrl: string;
  /** Loads the extension again from its folder (after a rebuild) and opens its tabs again. */
  reload(): Promise<void>;
  /** Ends the browser and deletes the temporary profile. */
  close(): Promise<void>;
  /** Resolves when the browser ends, by close() or because the user closed its window. */
  closed: Promise<void>;
}

export interface ChromiumStart {
  executablePath: string;
  distDir: string;
  headless: boolean;
  mockUrl: string;
  /** Also serve the DevTools protocol on a free loopback port (the e2e test connects to it). */
  remoteDebugging: boolean;
}

const isOurs = (url: string) => url.startsWith('chrome-extension://');

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const live = context.serviceWorkers().find((worker) => isOurs(worker.url()));
  return (
    live ?? context.waitForEvent('serviceworker', { timeout: 15_000, predicate: (worker) => isOurs(worker.url()) })
  );
}

/** The Local mock environment, active and pointed at this mock. */
async function pointAtMock(worker: Worker, mockUrl: string): Promise<void> {
  await worker.evaluate(async (value) => chrome.storage.local.set({ settings: value }), settingsForMock(mockUrl));
}

/** A key the mock accepts, in the Local mock environment's session slot, unless one is there already. */
async function giveMockKey(worker: Worker): Promise<void> {
  await worker.evaluate(
    async ({ slot, key }) => {
      if ((await chrome.storage.session.get(slot))[slot] === undefined)
        await chrome.storage.session.set({ [slot]: key });
    },
    { slot: MOCK_KEY_SLOT, key: MOCK_KEY },
  );
}

/**
 * Chromium with a fresh temporary profile and the built extension loaded (the user's own profile is never
 * used), the popup page open in a tab, pointed at the mock, and the mock's demo page in another.
 */
export async function startChromium(start: ChromiumStart): Promise<StartedChromium> {
  const profileDir = await makeProfileDir(START_PROFILE_PREFIX);
  let onClosed: (() => void) | undefined;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  let restarting = false;

  const launch = async () => {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: start.executablePath,
      headless: start.headless,
      viewport: null,
      // Ctrl+C is ours: the browser, the mock and the profile go together.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...extensionArgs(start.distDir), ...(start.remoteDebugging ? ['--remote-debugging-port=0'] : [])],
    });
    context.once('close', () => {
      if (!restarting) onClosed?.();
    });
    const worker = await extensionWorker(context);
    return { context, worker, extensionId: new URL(worker.url()).host };
  };

  let running = await launch().catch(async (error: unknown) => {
    await removeProfileDir(profileDir);
    throw error;
  });
  const popupUrl = `chrome-extension://${running.extensionId}/src/popup/index.html`;
  const openTabs = async () => {
    const [first] = running.context.pages();
    await (first ?? (await running.context.newPage())).goto(popupUrl);
    await (await running.context.newPage()).goto(`${start.mockUrl}/demo`);
    await running.context.pages()[0]?.bringToFront();
  };
  try {
    await pointAtMock(running.worker, start.mockUrl);
    await giveMockKey(running.worker);
    await openTabs();
  } catch (error) {
    await running.context.close().catch(() => undefined);
    await removeProfileDir(profileDir);
    throw error;
  }
  return {
    extensionId: running.extensionId,
    profileDir,
    popupUrl,
    closed,
    async reload() {
      // chrome.runtime.reload() disables an extension loaded with --load-extension here, so the browser is
      // restarted on the same profile: the settings stay, and the session key is given again.
      restarting = true;
      await running.context.close().catch(() => undefined);
      running = await launch();
      restarting = false;
      await giveMockKey(running.worker);
      await openTabs();
    },
    async close() {
      await running.context.close().catch(() => undefined);
      await removeProfileDir(profileDir);
    },
  };
}
