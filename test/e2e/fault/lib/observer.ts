import type { BrowserContext, Page } from 'playwright-core';

export interface ConsoleLine {
  where: string;
  type: string;
  text: string;
}

export interface SeenRequest {
  url: string;
  /** Headers as the browser reported them, Authorization included when it was sent. */
  headers: Record<string, string>;
  fromWorker: boolean;
  finished: boolean;
  failure?: string;
  /** Set when the browser made this request to follow a redirect from that URL. */
  redirectedFrom?: string;
}

interface RuntimeError {
  id: number;
  message: string;
  isServiceWorker: boolean;
}

/** The slice of chrome.developerPrivate (the chrome://extensions page's own API) the observer uses. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
  updateExtensionConfiguration(update: { extensionId: string; errorCollection: boolean }, done: () => void): void;
  getExtensionInfo(id: string, done: (info: { runtimeErrors: RuntimeError[] }) => void): void;
}

/**
 * Watches everything the browser says while the fault suite runs: console output of every page and of the
 * service worker (all levels, kept for the key-leak sweep), uncaught page errors, every request the
 * context saw (pages and the worker), and the worker's uncaught exceptions and rejections.
 *
 * Playwright reports a worker's console calls but not its uncaught errors, so the observer turns on
 * Chrome's own extension error collection (chrome://extensions, developer mode) and reads it back. Developer
 * mode is also what lets chrome.runtime.reload() bring a command-line-loaded extension back: without it
 * Chromium 156 disables the reloaded extension (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION).
 */
export class FaultObserver {
  readonly console: ConsoleLine[] = [];
  readonly requests: SeenRequest[] = [];
  readonly workerErrors: string[] = [];
  private readonly uncaught: string[] = [];
  private readonly seenRuntimeErrors = new Set<string>();
  private readonly workerConsoleErrors = new Set<string>();
  private devPage: Page | undefined;
  private readonly origin: string;

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {
    this.origin = `chrome-extension://${extensionId}/`;
    context.on('console', (message) => {
      const worker = message.worker();
      const page = message.page();
      const where = worker ? `worker ${worker.url()}` : (page?.url() ?? 'unknown');
      const line = { where, type: message.type(), text: message.text() };
      this.console.push(line);
      if (line.type === 'error' && this.isOurs(where)) {
        this.uncaught.push(`console.error in ${where}: ${line.text}`);
        if (worker) this.workerConsoleErrors.add(line.text);
      }
    });
    context.on('weberror', (webError) => {
      const where = webError.page()?.url() ?? 'unknown page';
      const error = webError.error();
      this.uncaught.push(`uncaught in ${where}: ${error.stack ?? error.message}`);
    });
    context.on('request', (request) => {
      const seen: SeenRequest = {
        url: request.url(),
        headers: request.headers(),
        fromWorker: request.serviceWorker() !== null,
        finished: false,
        ...(request.redirectedFrom() ? { redirectedFrom: request.redirectedFrom()!.url() } : {}),
      };
      this.requests.push(seen);
      void request.allHeaders().then(
        (headers) => (seen.headers = headers),
        () => undefined,
      );
    });
    context.on('requestfinished', (request) => {
      const seen = this.requests.findLast((candidate) => candidate.url === request.url() && !candidate.finished);
      if (seen) seen.finished = true;
    });
    context.on('requestfailed', (request) => {
      const seen = this.requests.findLast(
        (candidate) => candidate.url === request.url() && candidate.failure === undefined,
      );
      if (seen) seen.failure = request.failure()?.errorText ?? 'failed';
    });
  }

  private isOurs(where: string): boolean {
    return where.startsWith(this.origin) || where.startsWith(`worker ${this.origin}`);
  }

  /** Opens chrome://extensions in a background tab, turns on developer mode and the extension's error collection. */
  async start(): Promise<void> {
    const page = await this.context.newPage();
    // The page's own API is bound as soon as its document exists; its UI need not finish loading.
    await page.goto('chrome://extensions/', { waitUntil: 'commit' });
    await page.evaluate(async (extensionId) => {
      const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
      await new Promise<void>((resolve) => api.updateProfileConfiguration({ inDeveloperMode: true }, resolve));
      await new Promise<void>((resolve) =>
        api.updateExtensionConfiguration({ extensionId, errorCollection: true }, resolve),
      );
    }, this.extensionId);
    this.devPage = page;
  }

  /** The worker errors Chrome collected since the last call (uncaught exceptions, unhandled rejections). */
  private async newRuntimeErrors(): Promise<string[]> {
    if (!this.devPage || this.devPage.isClosed()) return [];
    const errors = await this.devPage.evaluate(
      (extensionId) =>
        new Promise<RuntimeError[]>((resolve) =>
          (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate.getExtensionInfo(
            extensionId,
            (info) =>
              resolve(info.runtimeErrors.map(({ id, message, isServiceWorker }) => ({ id, message, isServiceWorker }))),
          ),
        ),
      this.extensionId,
    );
    const fresh: string[] = [];
    for (const error of errors) {
      // Ids start again after an extension reload, so an error is known by its id and text.
      const seen = `${error.id}|${error.message}`;
      if (this.seenRuntimeErrors.has(seen)) continue;
      this.seenRuntimeErrors.add(seen);
      this.workerErrors.push(error.message);
      // A console.error of the worker is reported by both; count it once.
      if (this.workerConsoleErrors.has(error.message)) continue;
      fresh.push(`${error.isServiceWorker ? 'worker' : 'extension'} error: ${error.message}`);
    }
    return fresh;
  }

  /** Every uncaught error and console error since the last call. */
  async takeUncaught(): Promise<string[]> {
    const runtime = await this.newRuntimeErrors();
    return [...this.uncaught.splice(0, this.uncaught.length), ...runtime];
  }
}
