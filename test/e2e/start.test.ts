/**
 * `npm start` (issue 18), run as a user runs it (`npm start -- --headless`, its own build folder so the suite's
 * dist/ is left alone): the worker runs, the popup tab fires at the mock and shows a decoded 2001, and Ctrl+C
 * (SIGINT to the process group, as a terminal sends it) leaves no browser, mock or profile behind, even while the
 * browser is still starting.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { linqErrorChat } from './harness/chat-ids.ts';
import { docLinkHref, fire } from './harness/history.ts';
import { runNpmStart, stopWhileTheBrowserStarts, type RunningStart } from './harness/npm-start.ts';
import { waitUntil } from './harness/wait.ts';

let start: RunningStart | undefined;

afterAll(async () => start?.cleanup());

test('npm start -- --headless: the worker runs, the popup fires at the mock (2001 decoded), Ctrl+C leaves nothing', async () => {
  const started = Date.now();
  start = await runNpmStart(['--headless'], 60_000);
  const { profileDir, mockUrl } = start;
  const popupUrl = start.printed(/popup {6}(chrome-extension:\/\/\S+)/);
  expect(profileDir.startsWith(tmpdir())).toBe(true);

  // The test's own look into that browser: the DevTools port it opened because the test asked.
  const port = (await readFile(join(profileDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0]!;
  // URL.origin is "null" for a chrome-extension: URL in Node.
  const origin = `chrome-extension://${new URL(popupUrl).host}/`;
  const cdp = await browser.newBrowserCDPSession();
  const workers = async () =>
    ((await cdp.send('Target.getTargets')).targetInfos as Array<{ type: string; url: string }>).filter(
      (target) => target.type === 'service_worker' && target.url.startsWith(origin),
    );
  await waitUntil(async () => (await workers()).length === 1, {
    message: "the extension's service worker is not running",
    describe: async () => JSON.stringify(((await cdp.send('Target.getTargets')).targetInfos as unknown[]).slice(0, 10)),
  });
  const popup = context.pages().find((page) => page.url() === popupUrl);
  expect(popup, `tabs: ${context.pages().map((page) => page.url())}`).toBeDefined();
  expect(context.pages().some((page) => page.url() === `${mockUrl}/demo`)).toBe(true);

  const chatId = linqErrorChat(2001);
  const entry = await fire(popup!, chatId);
  const latest = popup!.getByRole('region', { name: 'Latest result' });
  await expect.poll(() => latest.innerText()).toContain('Chat not found');
  expect(await latest.innerText()).toContain('2001');
  expect(await docLinkHref(latest, 2001)).toMatch(/^https:\/\/docs\.linqapp\.com\//);
  expect(await entry.innerText()).toContain('404');
  console.log(`start: npm start to the first decoded result (2001) in ${Date.now() - started} ms`);

  // Ctrl+C in a terminal reaches the whole process group.
  await start.stopAndExpectNothingLeft();
}, 120_000);

test('Ctrl+C while the browser is still starting stops it and deletes the profile it had just made', async () => {
  await stopWhileTheBrowserStarts(['--headless'], 60_000);
}, 120_000);
