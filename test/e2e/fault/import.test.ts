/**
 * Fault injection, import (issue 12: F1, F2, F6, F8, F9). History files are hostile input: each is imported
 * through the panel's real "Import JSON" control. After each, the panel and a newly opened popup still render,
 * the operator's own entries are all still there, unchanged, and the key is nowhere in the views.
 */
import { truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { okChat } from '../harness/chat-ids.ts';
import { configure } from '../harness/configure.ts';
import { fire } from '../harness/history.ts';
import { historyRegion, openTransfer } from '../harness/history-search.ts';
import { downloadText, pickFile } from '../harness/transfer.ts';
import { openView } from '../harness/views.ts';
import { waitUntil } from '../harness/wait.ts';
import { readHistoryDb, type StoredEntry } from './lib/db.ts';
import { defineSecretsSweep, lostEntries, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';
import { viewSafety } from './lib/view-checks.ts';

let panel: Page;
let transfer: Locator;
const own = [okChat(), okChat()];
let ownEntries: StoredEntry[];
let template: StoredEntry & Record<string, unknown>;

const session = useFaultSession({
  firstView: 'panel',
  async setUp() {
    panel = session.first;
    await panel.setViewportSize({ width: 1280, height: 900 });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
    for (const chatId of own) await fire(panel, chatId);
    await waitUntil(
      async () => (await readHistoryDb(panel)).filter((entry) => entry.state === 'settled').length === own.length,
      {
        message: 'the operator\u2019s own entries settled',
      },
    );
    ownEntries = await readHistoryDb(panel);
    template = structuredClone(ownEntries[0]!) as StoredEntry & Record<string, unknown>;
    transfer = await openTransfer(panel);
  },
});

const byId = (entries: readonly StoredEntry[]) => entries.toSorted((a, b) => a.id.localeCompare(b.id));

/** An export file holding these entries (each a variation of one of the operator's own). */
function fileOf(entries: object[]): string {
  return JSON.stringify({
    format: 'linq-typing-inspector.history',
    version: 1,
    exportedAt: new Date().toISOString(),
    extensionVersion: '1.0.0',
    entries,
  });
}

function foreignEntry(id: string, overrides: Record<string, unknown> = {}) {
  const chatId = okChat();
  return {
    ...template,
    id,
    chatId,
    request: { ...template.request, url: template.request.url.replace(template.chatId, chatId) },
    ...overrides,
  };
}

async function statusText(): Promise<string> {
  return (await transfer.getByRole('status').textContent()) ?? '';
}

/** Imports a file (text, or a path for files too big to pass as a buffer) and waits for its final status. */
async function importFile(name: string, content: string | { path: string }, expected: RegExp): Promise<string> {
  await panel.bringToFront();
  const input = transfer.getByLabel('Import JSON');
  if (typeof content === 'string') await pickFile(input, name, content);
  else await input.setInputFiles(content.path);
  await expect.poll(statusText, { timeout: 20_000 }).toMatch(expected);
  return statusText();
}

/** The operator's entries are all there and unchanged; both views render; nothing leaked or rendered as markup. */
async function expectSafe(meta: ReturnType<typeof recordFault>): Promise<void> {
  const stored = await readHistoryDb(panel);
  const ownNow = stored.filter((entry) => ownEntries.some((mine) => mine.id === entry.id));
  expect(byId(ownNow)).toEqual(byId(ownEntries));
  await expect.poll(() => historyRegion(panel).locator('.count').textContent()).toMatch(/entries/);
  const popup = await openView(session.extension, 'popup');
  await expect.poll(() => popup.getByRole('button', { name: 'Stop typing' }).isVisible()).toBe(true);
  await expect.poll(() => popup.getByRole('region', { name: 'History' }).locator('li').count()).toBeGreaterThan(0);
  for (const page of [panel, popup]) {
    const safety = await viewSafety(page);
    expect(safety.markup).toEqual([]);
    expect(safety.badLinks).toEqual([]);
    expect(safety.pwned).toBeUndefined();
  }
  const leaks = await leaksInViews([panel, popup]);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  await popup.close();
  const lost = await lostEntries(panel, session, { fired: own });
  meta.lost = lost.lost;
  expect(lost.detail).toEqual([]);
}

const refusals: Array<[string, () => object[], RegExp]> = [
  [
    'startedAt 9e15',
    () => [foreignEntry('f1-huge-date', { startedAt: 9e15 })],
    /^Import refused: Entry 1 \(id "f1-huge-date"\): its startedAt is not a date/,
  ],
  [
    'the year 2100',
    () => [foreignEntry('ok-1'), foreignEntry('f6-2100', { startedAt: Date.UTC(2100, 0, 1) })],
    /^Import refused: Entry 2 .*startedAt/,
  ],
  [
    'control bytes in chatId',
    () => [foreignEntry('f2-chat', { chatId: `${okChat()}\u001b[201~\u0003` })],
    /^Import refused: Entry 1 .*chatId/,
  ],
  [
    'control bytes in the URL',
    () => [{ ...template, id: 'f2-url', request: { ...template.request, url: `${template.request.url}\u001b[201~` } }],
    /^Import refused: .*request URL/,
  ],
  [
    'a foreign URL',
    () => [
      {
        ...template,
        id: 'f2-foreign',
        request: { ...template.request, url: `https://evil.example/v3/chats/${template.chatId}/typing` },
      },
    ],
    /^Import refused: .*baseUrlHost/,
  ],
];

for (const [name, entries, reason] of refusals) {
  test(`a file with ${name} is refused with the entry and the reason; nothing is merged`, async ({ task }) => {
    const meta = recordFault(task, 'import');
    const before = byId(await readHistoryDb(panel));
    const text = await importFile(`${name}.json`, fileOf(entries()), reason);
    expect(text).toMatch(/Nothing was imported\.$/);
    expect(byId(await readHistoryDb(panel))).toEqual(before);
    await expectSafe(meta);
    handled(meta);
  });
}

test('a file over 128 MiB is refused before it is read, naming the limit and why', async ({ task }) => {
  const meta = recordFault(task, 'import');
  const path = join(tmpdir(), `linq-import-huge-${process.pid}.json`);
  // A sparse file: 129 MiB long at once, with nothing written, so the test stays fast.
  await writeFile(path, '');
  await truncate(path, 129 * 1024 * 1024);
  const started = Date.now();
  const limit = /at most 128 MiB \(enough for an export of a full 100,000-entry history\) can be imported\./;
  await importFile(
    'huge.json',
    { path },
    new RegExp(`^Import refused: The file is 129\\.0 MiB; ${limit.source} Nothing was imported\\.$`),
  );
  expect(Date.now() - started).toBeLessThan(10_000);
  await expectSafe(meta);
  handled(meta);
});

test('duplicate ids: the operator\u2019s own entry is never overwritten; re-importing says 0 imported', async ({
  task,
}) => {
  const meta = recordFault(task, 'import');
  const overwrite = {
    ...ownEntries[0]!,
    durationMs: 1,
    outcome: { ...ownEntries[0]!.outcome, summary: 'overwritten' },
  };
  const fresh = foreignEntry('f9-fresh');
  const file = fileOf([overwrite, fresh, fresh]);
  await importFile('dupes.json', file, /^Read 3 entries: 1 imported, 2 already present\. Nothing was evicted\.$/);
  await importFile('dupes-again.json', file, /^Read 3 entries: 0 imported, 3 already present\. Nothing was evicted\.$/);
  const stored = (await readHistoryDb(panel)).find((entry) => entry.id === 'f9-fresh') as StoredEntry & {
    imported?: boolean;
  };
  expect(stored.imported).toBe(true);
  // The row is marked, and Details says so.
  const row = historyRegion(panel).locator('.history-item').filter({ hasText: fresh.chatId });
  await expect.poll(() => row.locator('.tag').first().textContent()).toBe('imported');
  // A click on the row opens its details.
  await row.click();
  await expect
    .poll(() => panel.getByRole('region', { name: 'Entry details' }).textContent())
    .toContain('Imported: this entry came from a history file');
  await expectSafe(meta);
  handled(meta);
});

test('markup and control bytes in strings are stored escaped and shown as text', async ({ task }) => {
  const meta = recordFault(task, 'import');
  const hostile = foreignEntry('f2-markup', {
    profileName: '<img src=x onerror="window.__pwned=1">',
    outcome: {
      kind: 'linq_error',
      summary: '<img src=x onerror="window.__pwned=1">',
      retry: 'no',
      retryText: 'No',
      hint: '<script>window.__pwned=1</script>',
      serverMessage: 'evil\u001b]52;c;cm0gLXJmIH4=\u0007\u202e',
      docUrl: 'javascript:window.__pwned=1',
      traceId: 'x\r\nSet-Cookie: a=1',
    },
  });
  await importFile(
    'markup.json',
    fileOf([hostile]),
    /^Read 1 entry: 1 imported, 0 already present\. Nothing was evicted\.$/,
  );
  const stored = (await readHistoryDb(panel)).find((entry) => entry.id === 'f2-markup')!;
  // oxlint-disable-next-line no-control-regex -- raw control characters are what must be absent
  expect(JSON.stringify(stored)).not.toMatch(/[\u0000-\u001f\u202e]/);
  expect(JSON.stringify(stored)).not.toContain('javascript:');
  const row = historyRegion(panel).locator('.history-item').filter({ hasText: hostile.chatId });
  // A click on the row opens its details.
  await row.click();
  const details = panel.getByRole('region', { name: 'Entry details' });
  // The server message is shown as text, its control and bidi characters as visible escapes.
  await expect.poll(() => details.textContent()).toContain('evil\\u{1b}]52;c;cm0gLXJmIH4=\\u{7}\\u{202e}');
  await expectSafe(meta);
  handled(meta);
});

test('records already stored with an impossible date or a broken field: both views render, the row says so', async ({
  task,
}) => {
  const meta = recordFault(task, 'import');
  const bad = [
    foreignEntry('stored-9e15', { startedAt: 9e15 }),
    // A field of the wrong type makes the row's render throw: the boundary shows a line instead. Dated a minute
    // ahead so it is among the popup's latest 5 whatever the earlier tests stored in the last seconds.
    foreignEntry('stored-broken', { startedAt: Date.now() + 60_000, rehearsalId: 5 }),
    foreignEntry('stored-nan-duration', { startedAt: Date.now() - 6_000, durationMs: Number.NaN }),
  ];
  const damaged = ['stored-9e15', 'stored-nan-duration'];
  await panel.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('linq-inspector');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['history', 'search'], 'readwrite');
    for (const record of records) {
      tx.objectStore('history').put(record);
      tx.objectStore('search').put({ id: record.id, startedAt: record.startedAt, kind: 'success', text: '' });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, bad);
  const popup = await openView(session.extension, 'popup');
  const history = popup.getByRole('region', { name: 'History' });
  await expect.poll(() => history.textContent(), { timeout: 10_000 }).toContain('invalid time');
  await expect.poll(() => history.textContent()).toContain('This entry could not be shown.');
  await popup.close();
  await panel.reload();
  transfer = await openTransfer(panel);
  await expect
    .poll(() => historyRegion(panel).textContent(), { timeout: 10_000 })
    .toContain('This entry could not be shown.');
  const row = historyRegion(panel)
    .locator('.history-item')
    .filter({ hasText: bad[0]!.chatId as string });
  await expect.poll(() => row.locator('time').textContent()).toBe('invalid time');
  await expect.poll(() => row.locator('.tag').first().textContent()).toBe('damaged');
  // A click on the row opens its details.
  await row.click();
  const details = panel.getByRole('region', { name: 'Entry details' });
  await expect.poll(() => details.textContent()).toContain('Started invalid time');
  await expect.poll(() => details.textContent()).toContain('Damaged record: its start time is not a date.');
  // Nothing is lost: the count is every record, and both exports work, leaving out (and naming) the damaged two.
  const stored = await readHistoryDb(panel);
  await expect.poll(() => historyRegion(panel).locator('.count').textContent()).toBe(`${stored.length} entries`);
  const leftOut = '2 entries left out: damaged records (impossible start time or duration).';
  const json = await downloadText(panel, () => transfer.getByRole('button', { name: 'Export JSON' }).click());
  await expect.poll(statusText).toBe(`Exported ${stored.length - 2} entries as JSON. ${leftOut}`);
  const exported = (JSON.parse(json.text) as { entries: StoredEntry[] }).entries.map((entry) => entry.id);
  expect(exported.toSorted()).toEqual(
    stored
      .map((entry) => entry.id)
      .filter((id) => !damaged.includes(id))
      .toSorted(),
  );
  const har = await downloadText(panel, () => transfer.getByRole('button', { name: 'Export HAR' }).click());
  await expect.poll(statusText).toBe(`Exported ${stored.length - 2} entries as HAR. ${leftOut}`);
  const harEntries = (JSON.parse(har.text) as { log: { entries: Array<{ startedDateTime: string; time: unknown }> } })
    .log.entries;
  expect(harEntries).toHaveLength(stored.length - 2);
  for (const entry of harEntries) {
    expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
    expect(typeof entry.time).toBe('number');
  }
  await expectSafe(meta);
  handled(meta);
});

defineSecretsSweep(() => ({
  session,
  views: () => session.extension.context.pages().filter((page) => page.url().startsWith('chrome-extension://')),
}));
