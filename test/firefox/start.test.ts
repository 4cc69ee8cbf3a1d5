/**
 * `npm start -- --browser firefox`, run as a user runs it (headless, its own build folder so the suite's
 * dist-firefox/ is left alone): Firefox opens with the add-on installed, the popup tab fires at the mock and shows a
 * decoded 2001, and Ctrl+C (SIGINT to the process group, as a terminal sends it) leaves no browser, mock or profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Browser } from 'puppeteer-core';
import { afterAll, expect, test } from 'vitest';
import { linqErrorChat } from '../e2e/harness/chat-ids.ts';
import { ROOT_DIR } from '../e2e/harness/paths.ts';
import { processesNaming } from '../e2e/harness/processes.ts';
import { waitUntil } from '../e2e/harness/wait.ts';
import { docLinkIn, fireStop } from './harness/views.ts';

let child: ChildProcess | undefined;
let browser: Browser | undefined;
let output = '';
let outDir = '';

afterAll(async () => {
  await browser?.disconnect().catch(() => undefined);
  // Left running only if the test failed midway; the group may be gone already.
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // ESRCH: nothing left to end.
    }
  }
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function printed(pattern: RegExp): string {
  const match = pattern.exec(output);
  if (!match?.[1]) throw new Error(`npm start did not print ${pattern}; it printed:\n${output}`);
  return match[1];
}

test('npm start -- --browser firefox --headless: the popup fires at the mock (2001 decoded), Ctrl+C leaves nothing', async () => {
  outDir = await mkdtemp(join(tmpdir(), 'linq-start-firefox-dist-'));
  const started = Date.now();
  child = spawn('npm', ['start', '--', '--browser', 'firefox', '--headless', '--out-dir', outDir], {
    cwd: ROOT_DIR,
    detached: true,
    env: { ...process.env, LINQ_START_REMOTE_DEBUGGING: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntil(async () => output.includes('Press Ctrl+C to stop'), {
    timeout: 90_000,
    message: 'npm start did not get ready',
    describe: () => output,
  });
  const profileDir = printed(/temporary profile (\S+)/);
  const popupUrl = printed(/popup {6}(moz-extension:\/\/\S+)/);
  const mockUrl = printed(/mock {7}(http:\/\/127\.0\.0\.1:\d+)\/api\/partner/);
  expect(profileDir.startsWith(tmpdir())).toBe(true);

  // The test's own look into that browser, through the BiDi address printed because the test asked.
  browser = await connect({ browserWSEndpoint: printed(/bidi {7}(ws:\/\/\S+)/), protocol: 'webDriverBiDi' });
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
  const closed = new Promise<void>((resolve) => child!.once('close', () => resolve()));
  process.kill(-child.pid!, 'SIGINT');
  await closed;
  expect(output).toContain('start: stopped');
  expect(existsSync(profileDir)).toBe(false);
  expect(processesNaming(profileDir)).toEqual([]);
  await expect(fetch(`${mockUrl}/demo`)).rejects.toThrow();
}, 150_000);
