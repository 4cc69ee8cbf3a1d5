/**
 * `npm start -- --browser firefox`, run as a user runs it (headless, its own build folder so the suite's
 * dist-firefox/ is left alone): Firefox opens with the add-on installed, the popup tab fires at the mock and shows a
 * decoded 2001, and Ctrl+C (SIGINT to the process group, as a terminal sends it) leaves no browser, mock or profile,
 * even while Firefox is still starting.
 */
import { tmpdir } from 'node:os';
import { connect, type Browser } from 'puppeteer-core';
import { afterAll, expect, test } from 'vitest';
import { linqErrorChat } from '../e2e/harness/chat-ids.ts';
import { runNpmStart, stopWhileTheBrowserStarts, type RunningStart } from '../e2e/harness/npm-start.ts';
import { docLinkIn, fireStop } from './harness/views.ts';

let start: RunningStart | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.disconnect().catch(() => undefined);
  await start?.cleanup();
});

test('npm start -- --browser firefox --headless: the popup fires at the mock (2001 decoded), Ctrl+C leaves nothing', async () => {
  const started = Date.now();
  start = await runNpmStart(['--browser', 'firefox', '--headless'], 90_000);
  const { profileDir, mockUrl } = start;
  const popupUrl = start.printed(/popup {6}(moz-extension:\/\/\S+)/);
  expect(profileDir.startsWith(tmpdir())).toBe(true);

  // The test's own look into that browser, through the BiDi address printed because the test asked.
  browser = await connect({ browserWSEndpoint: start.printed(/bidi {7}(ws:\/\/\S+)/), protocol: 'webDriverBiDi' });
  const pages = await browser.pages();
  const popup = pages.find((page) => page.url() === popupUrl);
  expect(popup, `tabs: ${pages.map((page) => page.url())}`).toBeDefined();
  expect(pages.some((page) => page.url() === `${mockUrl}/demo`)).toBe(true);

  const chatId = linqErrorChat(2001);
  const row = await fireStop(popup!, chatId);
  expect(row.status).toBe('404 Linq error');
  expect(await docLinkIn(popup!, 'Latest result', 2001)).toMatch(/^https:\/\/docs\.linqapp\.com\//);
  console.log(`start: npm start --browser firefox to the first decoded result (2001) in ${Date.now() - started} ms`);
  await browser.disconnect();
  browser = undefined;

  // Ctrl+C in a terminal reaches the whole process group.
  await start.stopAndExpectNothingLeft();
}, 150_000);

test('Ctrl+C while Firefox is still starting stops it and deletes the profile it had just made', async () => {
  await stopWhileTheBrowserStarts(['--browser', 'firefox', '--headless'], 90_000);
}, 150_000);
