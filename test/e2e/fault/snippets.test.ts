/**
 * Fault injection, snippets (issue 12, F2 and item 4). What Details copies goes to a terminal:
 *  - the cURL command copied from a real entry runs as it is, with /usr/bin/curl in bash, against the mock:
 *    the 2001 envelope with LINQ_API_KEY set; with it unset, bash stops with "set LINQ_API_KEY" and nothing is
 *    sent;
 *  - a record already in IndexedDB whose chat ID and URL hold control bytes (a bracketed-paste end, ^C, a
 *    newline, NUL, bidi; such records came in through imports before they were checked) copies as cURL, SDK
 *    and CLI text of printable ASCII only, with no line of its own, and running that text runs no injected
 *    command: the hostile value reaches the program as one argument.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { grantClipboard, readClipboard, writeClipboard } from '../harness/clipboard.ts';
import { linqErrorChat } from '../harness/chat-ids.ts';
import { configure } from '../harness/configure.ts';
import { fire, historyItemFor } from '../harness/history.ts';
import { countText } from '../harness/history-search.ts';
import { openDetails } from '../harness/outcome.ts';
import { openView, reloadView } from '../harness/views.ts';
import { DB_NAME, readHistoryDb } from './lib/db.ts';
import { defineSecretsSweep, lostEntries, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';

let popup: Page;
let panel: Page;
let scratch: string;
const CHAT = linqErrorChat(2001);

const session = useFaultSession({
  firstView: 'panel',
  async setUp() {
    panel = session.first;
    popup = await openView(session.extension, 'popup');
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
    await grantClipboard(session.extension, panel);
    scratch = mkdtempSync(join(tmpdir(), 'snippets-fault-'));
  },
  async afterClose() {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  },
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function bash(command: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const options = { env: { PATH: '/usr/bin:/bin', ...env }, cwd: scratch, timeout: 20_000 };
    execFile('/bin/bash', ['-c', command], options, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Presses one of Details' copy buttons and returns what it put on the clipboard. */
async function copied(details: ReturnType<Page['getByRole']>, name: string): Promise<string> {
  const before = `clipboard before ${name}`;
  await writeClipboard(panel, before);
  await details.getByRole('group', { name: 'Entry actions' }).getByRole('button', { name }).click();
  await expect.poll(() => readClipboard(panel)).not.toBe(before);
  return readClipboard(panel);
}

test('the panel counts a single entry as "1 entry"', async () => {
  await fire(popup, CHAT, { timeout: 10_000 });
  await panel.bringToFront();
  await expect.poll(() => countText(panel), { timeout: 5_000 }).toBe('1 entry');
});

test('the cURL command copied from Details runs as it is with real curl', async ({ task }) => {
  const meta = recordFault(task, 'snippets');
  const lost = await lostEntries(panel, session, { fired: [CHAT] });
  meta.lost = lost.lost;
  expect(lost.detail).toEqual([]);
  const details = await openDetails(panel, historyItemFor(panel, CHAT), CHAT);
  const curl = await copied(details, 'Copy as cURL');
  expect(curl).not.toContain(FAULT_KEY);

  const before = session.mock.requests.length;
  const ran = await bash(curl, { LINQ_API_KEY: FAULT_KEY });
  expect(ran.code, ran.stderr).toBe(0);
  expect(ran.stdout).toMatch(/^HTTP\/1\.1 404 /);
  expect(ran.stdout).toContain('"code":2001');
  const sent = session.mock.requests.slice(before);
  expect(sent.map((request) => [request.method, request.chatId, request.authorization])).toEqual([
    ['DELETE', CHAT, `Bearer ${FAULT_KEY}`],
  ]);

  // Without the variable, bash refuses to run it: no request with an empty bearer.
  const unset = await bash(curl, {});
  expect(unset.code).not.toBe(0);
  expect(unset.stderr).toContain('LINQ_API_KEY: set LINQ_API_KEY');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(session.mock.requests).toHaveLength(before + 1);

  const leaks = await leaksInViews([popup, panel]);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  handled(meta);
});

/** Rewrites one stored entry's chat ID and request URL in place, as a damaged or older record would hold them. */
function corruptRecord(page: Page, chatId: string, suffix: string): Promise<void> {
  return page.evaluate(
    async ({ name, target, extra }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = db.transaction('history', 'readwrite').objectStore('history');
      const all = await new Promise<Array<{ chatId: string; request: { url: string } }>>((resolve, reject) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result as Array<{ chatId: string; request: { url: string } }>);
        request.onerror = () => reject(request.error);
      });
      for (const record of all.filter((entry) => entry.chatId === target)) {
        record.request.url = record.request.url.replace(target, `${target}${extra}`);
        record.chatId = `${target}${extra}`;
        store.put(record);
      }
      await new Promise((resolve, reject) => {
        store.transaction.oncomplete = resolve;
        store.transaction.onerror = () => reject(store.transaction.error);
      });
      db.close();
    },
    { name: DB_NAME, target: chatId, extra: suffix },
  );
}

test('a stored record with control bytes in its chat ID and URL copies as printable ASCII that runs no command', async ({
  task,
}) => {
  const meta = recordFault(task, 'snippets', 3);
  const pwned = join(scratch, 'pwned');
  // ESC[201~ ends a bracketed paste; then ^C, newlines and a command substitution try to run `touch`.
  const suffix = `\u001b[201~\u0003\ntouch ${pwned}\n'$(touch ${pwned})'\u0000\u202e\u2028é`;
  await corruptRecord(panel, CHAT, suffix);
  expect((await readHistoryDb(panel)).map((entry) => entry.chatId)).toEqual([`${CHAT}${suffix}`]);
  await reloadView(panel);
  const details = await openDetails(panel, historyItemFor(panel, CHAT), CHAT);

  const texts = {
    curl: await copied(details, 'Copy as cURL'),
    sdk: await copied(details, 'Copy as SDK code'),
    cli: await copied(details, 'Copy as CLI command'),
  };
  const usualLines = { curl: 3, sdk: 5, cli: 1 };
  for (const [kind, text] of Object.entries(texts)) {
    expect(text, kind).toMatch(/^[\x20-\x7e\n]*$/);
    expect(text.split('\n'), kind).toHaveLength(usualLines[kind as keyof typeof usualLines]);
    expect(text, kind).not.toContain(FAULT_KEY);
  }

  // The CLI command, with a stand-in `linq` that prints its arguments: the whole hostile ID is one argument.
  const cli = await bash(`linq() { printf '<%s>' "$@"; }; ${texts.cli}`, { LINQ_API_KEY: FAULT_KEY });
  expect(cli.stdout).toBe(`<chats><typing><${CHAT}${suffix.split('\u0000')[0]}><--stop>`);
  // The cURL command: curl refuses or sends the odd URL; either way nothing else runs.
  await bash(texts.curl, { LINQ_API_KEY: FAULT_KEY });
  expect(existsSync(pwned)).toBe(false);

  const leaks = await leaksInViews([popup, panel]);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  handled(meta);
});

defineSecretsSweep(() => ({ session, views: () => [popup, panel] }));
