/**
 * `npm start` (issue 18), run as a user runs it (`npm start -- --headless`, its own build folder so the suite's
 * dist/ is left alone): the worker runs, the popup tab fires at the mock and shows a decoded 2001, and Ctrl+C
 * (SIGINT to the process group, as a terminal sends it) leaves no browser, mock or profile behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { linqErrorChat } from './harness/chat-ids.ts';
import { docLinkHref, fire } from './harness/history.ts';
import { ROOT_DIR } from './harness/paths.ts';
import { processesNaming } from './harness/processes.ts';
import { waitUntil } from './harness/wait.ts';

let child: ChildProcess | undefined;
let output = '';
let outDir = '';

afterAll(async () => {
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

test('npm start -- --headless: the worker runs, the popup fires at the mock (2001 decoded), Ctrl+C leaves nothing', async () => {
  outDir = await mkdtemp(join(tmpdir(), 'linq-start-dist-'));
  const started = Date.now();
  child = spawn('npm', ['start', '--', '--headless', '--out-dir', outDir], {
    cwd: ROOT_DIR,
    detached: true,
    env: { ...process.env, LINQ_START_REMOTE_DEBUGGING: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntil(async () => output.includes('Press Ctrl+C to stop'), {
    timeout: 60_000,
    message: 'npm start did not get ready',
    describe: () => output,
  });
  const profileDir = printed(/temporary profile (\S+)/);
  const popupUrl = printed(/popup {6}(chrome-extension:\/\/\S+)/);
  const mockUrl = printed(/mock {7}(http:\/\/127\.0\.0\.1:\d+)\/api\/partner/);
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
  // 'close' comes once every process holding the output pipes has ended, the start script's own node included
  // (npm itself ends by the signal, as a shell expects).
  const closed = new Promise<void>((resolve) => child!.once('close', () => resolve()));
  process.kill(-child.pid!, 'SIGINT');
  await closed;
  expect(output).toContain('start: stopped');
  expect(existsSync(profileDir)).toBe(false);
  expect(processesNaming(profileDir)).toEqual([]);
  await expect(fetch(`${mockUrl}/demo`)).rejects.toThrow();
}, 120_000);
