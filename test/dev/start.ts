/**
 * `npm start`: builds the extension, starts the mock Linq API on a free loopback port, and opens Chromium with a
 * temporary profile, the extension loaded, its popup in a tab pointed at the mock and the mock's demo page in
 * another. Ctrl+C (or closing the browser) ends the browser and the mock and deletes the profile.
 */
import { existsSync } from 'node:fs';
import { startMockLinq } from '../mock-linq/server.ts';
import { findChromium } from './find-chromium.ts';
import { parseStartArgs, START_USAGE, type StartOptions } from './start-args.ts';
import { buildExtension, ROOT_DIR } from './start-build.ts';
import { startChromium, type StartedChromium } from './start-chromium.ts';

/** The DevTools protocol port is opened only when a test asks, with this variable. */
const REMOTE_DEBUGGING = process.env.LINQ_START_REMOTE_DEBUGGING === '1';

async function run(options: StartOptions): Promise<void> {
  const started = Date.now();
  if (options.browser === 'firefox') throw new Error('the Firefox build is not there yet: use --browser chromium');
  const found = findChromium(process.env, process.platform, existsSync);
  if ('error' in found) throw new Error(found.error);
  const distDir = options.outDir ?? `${ROOT_DIR}/dist`;

  let browser: StartedChromium | undefined;
  let reloading = Promise.resolve();
  console.log(`start: building ${distDir}${options.watch ? ' (watching src/)' : ''}`);
  const stopWatching = await buildExtension(
    distDir,
    options.watch
      ? () => {
          reloading = reloading
            .then(() => browser?.reload())
            .then(
              () => console.log('start: rebuilt; the browser restarted with the new build (settings kept)'),
              (error: unknown) => console.error(`start: could not load the new build: ${String(error)}`),
            );
        }
      : undefined,
  );
  const mock = await startMockLinq({ port: options.mockPort });
  let stopping: Promise<void> | undefined;
  const stop = (why: string): Promise<void> =>
    (stopping ??= (async () => {
      console.log(`\nstart: ${why}: closing the browser and the mock, deleting the temporary profile`);
      await stopWatching();
      await browser?.close();
      await mock.close();
      console.log('start: stopped');
    })());
  // `on`, not `once`: a terminal's Ctrl+C reaches this process from the group and again relayed by tsx, and a
  // second signal with no handler would end the process halfway through the cleanup.
  process.on('SIGINT', () => void stop('Ctrl+C').then(() => process.exit(0)));
  process.on('SIGTERM', () => void stop('SIGTERM').then(() => process.exit(0)));
  try {
    browser = await startChromium({
      executablePath: found.path,
      distDir,
      headless: options.headless,
      mockUrl: mock.url,
      remoteDebugging: REMOTE_DEBUGGING,
    });
  } catch (error) {
    await mock.close();
    await stopWatching();
    throw error;
  }
  void browser.closed.then(() => stop('the browser was closed').then(() => process.exit(0)));
  console.log(
    [
      `start: ready in ${Date.now() - started} ms`,
      `  browser    ${found.path}${options.headless ? ' (headless)' : ''}, temporary profile ${browser.profileDir}`,
      `  extension  ${browser.extensionId}, loaded from ${distDir}`,
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
