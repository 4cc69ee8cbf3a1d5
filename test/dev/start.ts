/**
 * `npm start`: builds the extension, starts the mock Linq API on a free loopback port, and opens Chromium (or,
 * with `--browser firefox`, Firefox and its build) with a temporary profile, the extension loaded, its popup in a
 * tab pointed at the mock and the mock's demo page in another. Ctrl+C (or closing the browser) ends the browser
 * and the mock and deletes the profile.
 */
import { existsSync } from 'node:fs';
import { startMockLinq } from '../mock-linq/server.ts';
import { findChromium } from './find-chromium.ts';
import { parseStartArgs, START_USAGE, type StartOptions } from './start-args.ts';
import { buildExtension, ROOT_DIR } from './start-build.ts';
import { startChromium } from './start-chromium.ts';
import { startFirefox } from './start-firefox.ts';
import { FIREFOX } from '../firefox/harness/firefox.ts';
import { GECKO_ID } from '../../src/platform/firefox-manifest.ts';

/**
 * Chromium's DevTools protocol port is opened only when a test asks, with this variable; Firefox's WebDriver
 * BiDi address (always open on loopback, for the script itself) is printed only then.
 */
const REMOTE_DEBUGGING = process.env.LINQ_START_REMOTE_DEBUGGING === '1';

const RELOADED = {
  chromium: 'start: rebuilt; the browser restarted with the new build (settings kept)',
  firefox: 'start: rebuilt; the add-on was installed again from the new build (settings kept)',
} as const;

/** What either browser's start gives back. */
interface StartedBrowser {
  profileDir: string;
  popupUrl: string;
  reload(): Promise<void>;
  close(): Promise<void>;
  closed: Promise<void>;
}

/** The browser's executable, found before anything is built, so a missing one is said at once. */
function findBrowser(browser: StartOptions['browser']): string {
  if (browser === 'firefox') {
    if (!existsSync(FIREFOX))
      throw new Error(
        `no Firefox at ${FIREFOX}: install Firefox ESR (apt-get install firefox-esr), or set FIREFOX_PATH`,
      );
    return FIREFOX;
  }
  const found = findChromium(process.env, process.platform, existsSync);
  if ('error' in found) throw new Error(found.error);
  return found.path;
}

/** Starts the browser; with the lines it adds to the ready message. */
async function startBrowser(
  options: StartOptions,
  executablePath: string,
  distDir: string,
  mockUrl: string,
): Promise<{ browser: StartedBrowser; lines: string[] }> {
  const shown = `  browser    ${executablePath}${options.headless ? ' (headless)' : ''}, temporary profile`;
  if (options.browser === 'firefox') {
    const browser = await startFirefox({ executablePath, distDir, headless: options.headless, mockUrl });
    return {
      browser,
      lines: [
        `${shown} ${browser.profileDir}`,
        `  extension  ${GECKO_ID} (temporary add-on), loaded from ${distDir}`,
        ...(REMOTE_DEBUGGING ? [`  bidi       ${browser.endpoint}`] : []),
      ],
    };
  }
  const browser = await startChromium({
    executablePath,
    distDir,
    headless: options.headless,
    mockUrl,
    remoteDebugging: REMOTE_DEBUGGING,
  });
  return {
    browser,
    lines: [`${shown} ${browser.profileDir}`, `  extension  ${browser.extensionId}, loaded from ${distDir}`],
  };
}

async function run(options: StartOptions): Promise<void> {
  const started = Date.now();
  const executablePath = findBrowser(options.browser);
  const distDir = options.outDir ?? `${ROOT_DIR}/${options.browser === 'firefox' ? 'dist-firefox' : 'dist'}`;

  let browser: StartedBrowser | undefined;
  let reloading = Promise.resolve();
  console.log(`start: building ${distDir}${options.watch ? ' (watching src/)' : ''}`);
  const stopWatching = await buildExtension(
    distDir,
    options.browser,
    options.watch
      ? () => {
          reloading = reloading
            .then(() => browser?.reload())
            .then(
              () => console.log(RELOADED[options.browser]),
              (error: unknown) => console.error(`start: could not load the new build: ${String(error)}`),
            );
        }
      : undefined,
  );
  const mock = await startMockLinq({ port: options.mockPort });
  // The browser's start, settled: a stop during it waits for it, so a profile made meanwhile is deleted too.
  let starting: Promise<StartedBrowser | undefined> = Promise.resolve(undefined);
  let stopping: Promise<void> | undefined;
  const stop = (why: string): Promise<void> =>
    (stopping ??= (async () => {
      console.log(`\nstart: ${why}: closing the browser and the mock, deleting the temporary profile`);
      await stopWatching();
      await (await starting)?.close();
      await mock.close();
      console.log('start: stopped');
    })());
  // `on`, not `once`: a terminal's Ctrl+C reaches this process from the group and again relayed by tsx, and a
  // second signal with no handler would end the process halfway through the cleanup.
  process.on('SIGINT', () => void stop('Ctrl+C').then(() => process.exit(0)));
  process.on('SIGTERM', () => void stop('SIGTERM').then(() => process.exit(0)));
  let lines: string[];
  const start = startBrowser(options, executablePath, distDir, mock.url);
  starting = start.then(
    (result) => result.browser,
    () => undefined,
  );
  try {
    ({ browser, lines } = await start);
  } catch (error) {
    // A Ctrl+C during the start can end the browser, which fails the start: the stop is what happened.
    if (stopping) return;
    await mock.close();
    await stopWatching();
    throw error;
  }
  if (stopping) return;
  void browser.closed.then(() => stop('the browser was closed').then(() => process.exit(0)));
  console.log(
    [
      `start: ready in ${Date.now() - started} ms`,
      ...lines,
      `  popup      ${browser.popupUrl} (environment "Local mock", pointed at the mock; any key works there)`,
      `  mock       ${mock.url}/api/partner   demo page: ${mock.url}/demo   chat IDs: README, "The mock Linq server"`,
      'Press Ctrl+C to stop: it closes the browser and the mock and deletes the temporary profile.',
    ].join('\n'),
  );
}

let options: StartOptions | 'help';
try {
  options = parseStartArgs(process.argv.slice(2));
} catch (error) {
  console.error(`start: ${(error as Error).message}\n${START_USAGE}`);
  process.exit(2);
}
if (options === 'help') console.log(START_USAGE);
else
  run(options).catch((error: unknown) => {
    console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
