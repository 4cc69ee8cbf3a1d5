import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { CHROMIUM } from './paths.ts';
import { EXTENSION_ARGS } from './launch.ts';
import { makeProfileDir, removeProfileDir } from './profile.ts';
import { waitUntil } from './wait.ts';

/**
 * The real DevTools window with the extension's "Linq" panel, headless. Playwright does not
 * expose DevTools' targets as pages or frames, so they are driven over raw CDP: Target.attachToTarget with
 * flatten:false, then Target.sendMessageToTarget.
 */
export interface DevToolsBrowser {
  context: BrowserContext;
  extensionId: string;
  /** A CDP session of the inspected tab, used for the Target domain. */
  cdp: CDPSession;
  close(): Promise<void>;
}

const ours = (url: string) => url.startsWith('chrome-extension://');

/**
 * Launches Chromium with DevTools opened for every tab and a page to inspect. `forceDarkMode` makes the
 * operating-system colour scheme dark (so DevTools, set to follow the system, starts dark too).
 */
export async function launchWithDevTools(options: { forceDarkMode?: boolean } = {}): Promise<DevToolsBrowser> {
  const profileDir = await makeProfileDir();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...EXTENSION_ARGS, '--auto-open-devtools-for-tabs', ...(options.forceDarkMode ? ['--force-dark-mode'] : [])],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    await removeProfileDir(profileDir);
  };
  try {
    const worker =
      context.serviceWorkers().find((candidate) => ours(candidate.url())) ??
      (await context.waitForEvent('serviceworker', {
        timeout: 15_000,
        predicate: (candidate) => ours(candidate.url()),
      }));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('data:text/html,<title>Inspected page</title><p>Inspected page</p>');
    const cdp = await context.newCDPSession(page);
    return { context, extensionId: new URL(worker.url()).host, cdp, close };
  } catch (error) {
    await close();
    throw error;
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** One attached (non-flattened) target: evaluate in it and send it CDP commands. */
export class RawTarget {
  private nextId = 1;
  private readonly waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    readonly sessionId: string,
    readonly info: TargetInfo,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  static async attach(cdp: CDPSession, info: TargetInfo): Promise<RawTarget> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
    return new RawTarget(cdp, sessionId, info);
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${method} in ${this.info.url} got no answer`));
      }, 10_000);
      this.waiting.set(id, (message) => {
        clearTimeout(timer);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result as T);
      });
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
  }

  /** Evaluates an expression (awaiting a promise) and returns its value, or throws what it threw. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{
      result: { value?: T };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }
}

export async function targets(cdp: CDPSession): Promise<TargetInfo[]> {
  return (await cdp.send('Target.getTargets')).targetInfos;
}

/** The DevTools window's own page. */
export async function attachDevTools(cdp: CDPSession): Promise<RawTarget> {
  let found: TargetInfo | undefined;
  await waitUntil(
    async () =>
      (found = (await targets(cdp)).find((target) => target.url.startsWith('devtools://devtools/'))) !== undefined,
    {
      timeout: 10_000,
      message: 'DevTools did not open for the tab',
    },
  );
  return RawTarget.attach(cdp, found!);
}

/**
 * Selects the "Linq" panel in DevTools (retrying until the extension has added it) and attaches to its page,
 * once it has rendered. `except` skips a panel target seen before (after DevTools reloads, a new one comes).
 */
export async function showLinqPanel(
  cdp: CDPSession,
  devtools: RawTarget,
  extensionId: string,
  except?: string,
): Promise<RawTarget> {
  const panelUrl = `chrome-extension://${extensionId}/src/devtools/panel.html`;
  let found: TargetInfo | undefined;
  await waitUntil(
    async () => {
      await devtools
        .evaluate(`DevToolsAPI.showPanel(${JSON.stringify(`chrome-extension://${extensionId}Linq`)})`)
        .catch(() => undefined);
      found = (await targets(cdp)).find((target) => target.url.startsWith(panelUrl) && target.targetId !== except);
      return found !== undefined;
    },
    { timeout: 15_000, interval: 250, message: 'the Linq panel did not appear in DevTools' },
  );
  const panel = await RawTarget.attach(cdp, found!);
  await waitUntil(() => panel.evaluate<boolean>(`document.querySelector('h1') !== null`).catch(() => false), {
    timeout: 10_000,
    message: 'the Linq panel did not render',
  });
  return panel;
}
