/**
 * The panel's "Export and import": a JSON export of the whole history or of the filtered view, the same
 * file imported back after clearing (a lossless round trip), files that must be refused without merging
 * anything, and the HAR 1.2 export. Neither file may ever hold the API key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SPECIAL, linqErrorChat } from './harness/chat-ids.ts';
import { configure } from './harness/configure.ts';
import { fire, historyItems, statusLabelOf } from './harness/history.ts';
import {
  clearFilters,
  countText,
  expectListed,
  historyRegion,
  kindBox,
  openTransfer,
  setFilterBox,
} from './harness/history-search.ts';
import { readHistoryDb, type StoredEntry } from './harness/history-db.ts';
import { openDetails } from './harness/outcome.ts';
import { DIST_DIR } from './harness/paths.ts';
import { useExtensionSession } from './harness/session.ts';
import { downloadText, pickFile } from './harness/transfer.ts';
import { openView } from './harness/views.ts';

const EXTENSION_VERSION = (JSON.parse(readFileSync(`${DIST_DIR}/manifest.json`, 'utf8')) as { version: string })
  .version;

let panel: Page;
let transfer: Locator;
let status: Locator;

/** Fired in this order; all distinct. */
const SEEDS = [
  '5eed1001-0000-4000-8000-00000000000a',
  linqErrorChat(2001),
  linqErrorChat(2004),
  SPECIAL.html502,
  '5eed1002-0000-4000-8000-00000000000b',
  linqErrorChat(5005),
  SPECIAL.dropped,
] as const;
const LINQ_ERRORS = [linqErrorChat(5005), linqErrorChat(2004), linqErrorChat(2001)];
const NEWEST_FIRST = SEEDS.toReversed();
const TOTAL = SEEDS.length;

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', {
      errors: session.errors,
      viewport: { width: 1280, height: 720 },
    });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    for (const chatId of SEEDS) await fire(panel, chatId);
    await expectListed(panel, NEWEST_FIRST, TOTAL);
    transfer = await openTransfer(panel);
    status = transfer.getByRole('status');
  },
});

const byId = (entries: readonly StoredEntry[]) => entries.toSorted((a, b) => a.id.localeCompare(b.id));

interface ExportFile {
  format: string;
  version: number;
  exportedAt: string;
  extensionVersion: string;
  entries: StoredEntry[];
}

/** The text of every export made here, for the import tests. */
const files: { whole?: string; filtered?: string; har?: string } = {};

async function exportAs(format: 'JSON' | 'HAR'): Promise<{ fileName: string; text: string }> {
  await panel.bringToFront();
  const file = await downloadText(panel, () => transfer.getByRole('button', { name: `Export ${format}` }).click());
  return file;
}

/** Picks a file in "Import JSON" and waits for the status line to say `expected` (a string or a pattern). */
async function importText(fileName: string, text: string, expected: string | RegExp): Promise<string> {
  await panel.bringToFront();
  await pickFile(transfer.getByLabel('Import JSON'), fileName, text);
  const shown = expect.poll(async () => (await status.textContent()) ?? '', { timeout: 10_000 });
  if (typeof expected === 'string') await shown.toBe(expected);
  else await shown.toMatch(expected);
  return (await status.textContent()) ?? '';
}

describe('Export and import', () => {
  test('Export JSON (whole history): the versioned format with every stored entry, and no key anywhere', async () => {
    const stored = await readHistoryDb(panel);
    expect(stored).toHaveLength(TOTAL);
    expect(await transfer.getByRole('radio', { name: `Whole history (${TOTAL})` }).isChecked()).toBe(true);

    const started = Date.now();
    const { fileName, text } = await exportAs('JSON');
    await expect.poll(() => status.textContent()).toBe(`Exported ${TOTAL} entries as JSON.`);
    expect(fileName).toMatch(/^linq-history-\d{4}-\d{2}-\d{2}T[\d-]+Z\.json$/);
    expect(text).not.toContain(session.apiKey);

    const file = JSON.parse(text) as ExportFile;
    expect(file.format).toBe('linq-typing-inspector.history');
    expect(file.version).toBe(1);
    expect(file.extensionVersion).toBe(EXTENSION_VERSION);
    expect(Date.parse(file.exportedAt)).toBeGreaterThanOrEqual(started - 1_000);
    expect(byId(file.entries)).toEqual(byId(stored));
    // Newest first, like the list.
    expect(file.entries.map((entry) => entry.chatId)).toEqual(NEWEST_FIRST);
    for (const entry of file.entries) {
      expect(entry.request.headers).toContainEqual(['Authorization', 'Bearer [redacted]']);
    }
    files.whole = text;
  });

  test('Export HAR: valid HAR 1.2, Authorization redacted, no key anywhere', async () => {
    const stored = new Map((await readHistoryDb(panel)).map((entry) => [entry.chatId, entry]));
    const { fileName, text } = await exportAs('HAR');
    await expect.poll(() => status.textContent()).toBe(`Exported ${TOTAL} entries as HAR.`);
    expect(fileName).toMatch(/\.har$/);
    expect(text).not.toContain(session.apiKey);

    const har = JSON.parse(text) as { log: HarLog };
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Linq Typing Inspector', version: EXTENSION_VERSION });
    expect(har.log.entries).toHaveLength(TOTAL);

    for (const entry of har.log.entries) {
      const chatId = NEWEST_FIRST.find((id) => entry.request.url.includes(`/chats/${id}/`));
      expect(chatId, entry.request.url).toBeDefined();
      const original = stored.get(chatId!)!;

      expect(entry.startedDateTime).toBe(new Date(original.startedAt).toISOString());
      expect(typeof entry.time).toBe('number');
      expect(entry.time).toBeGreaterThanOrEqual(0);
      for (const phase of ['send', 'wait', 'receive'] as const) {
        expect(typeof entry.timings[phase]).toBe('number');
        expect(entry.timings[phase]).toBeGreaterThanOrEqual(0);
      }
      // HAR 1.2: time is the sum of the timings that are not -1.
      expect(entry.time).toBeCloseTo(entry.timings.send + entry.timings.wait + entry.timings.receive, 6);
      expect(entry.cache).toEqual(expect.any(Object));

      const { request, response } = entry;
      expect(request).toMatchObject({
        method: 'DELETE',
        url: `${session.baseUrl}/v3/chats/${chatId}/typing`,
        httpVersion: expect.any(String),
        cookies: [],
        queryString: [],
        headersSize: expect.any(Number),
        bodySize: expect.any(Number),
      });
      for (const header of [...request.headers, ...response.headers]) {
        expect(header).toEqual({ name: expect.any(String), value: expect.any(String) });
      }
      expect(request.headers.filter((header) => header.name.toLowerCase() === 'authorization')).toEqual([
        { name: 'Authorization', value: 'Bearer [redacted]' },
      ]);

      expect(response).toMatchObject({
        status: original.response?.status ?? 0,
        statusText: expect.any(String),
        httpVersion: expect.any(String),
        cookies: [],
        redirectURL: '',
        headersSize: expect.any(Number),
        bodySize: expect.any(Number),
        content: { size: expect.any(Number), mimeType: expect.any(String) },
      });
    }

    const find = (chatId: string) => har.log.entries.find((entry) => entry.request.url.includes(`/chats/${chatId}/`))!;
    const notFound = find(linqErrorChat(2001));
    expect(notFound.response.status).toBe(404);
    expect(notFound.response.content.mimeType).toBe('application/json');
    expect(notFound.response.content.size).toBe(notFound.response.content.text?.length);
    expect(JSON.parse(notFound.response.content.text ?? '')).toMatchObject({ error: { code: 2001 } });
    expect(find(SPECIAL.html502).response).toMatchObject({
      status: 502,
      content: { mimeType: 'text/html; charset=utf-8' },
    });
    expect(find(NEWEST_FIRST.at(-1)!).response).toMatchObject({ status: 204, content: { size: 0 } });
    // No response at all: status 0, as browsers record it.
    expect(find(SPECIAL.dropped).response).toMatchObject({ status: 0, headers: [] });
    files.har = text;
  });

  test('Export JSON of the filtered view holds only the entries the filter shows', async () => {
    await setFilterBox(kindBox(panel, 'Linq error'), true);
    await expectListed(panel, LINQ_ERRORS, TOTAL);
    await transfer.getByRole('radio', { name: `Filtered view (${LINQ_ERRORS.length})` }).check();

    const { text } = await exportAs('JSON');
    await expect.poll(() => status.textContent()).toBe(`Exported ${LINQ_ERRORS.length} entries as JSON.`);
    const file = JSON.parse(text) as ExportFile;
    expect(file.entries.map((entry) => entry.chatId)).toEqual(LINQ_ERRORS);
    expect(file.entries.every((entry) => entry.outcome?.kind === 'linq_error')).toBe(true);
    expect(text).not.toContain(session.apiKey);
    files.filtered = text;

    await clearFilters(panel);
    await expectListed(panel, NEWEST_FIRST, TOTAL);
    await transfer.getByRole('radio', { name: `Whole history (${TOTAL})` }).check();
  });

  test('clear, then Import JSON of the export: the same entries come back; importing again adds nothing', async () => {
    const before = byId(await readHistoryDb(panel));
    const history = historyRegion(panel);
    await history.getByRole('button', { name: 'Clear history' }).click();
    await history
      .getByRole('group', { name: 'Confirm clearing the history' })
      .getByRole('button', { name: 'Yes, clear history' })
      .click();
    await expect.poll(() => countText(panel)).toBe('0 entries');
    expect(await readHistoryDb(panel)).toEqual([]);

    await importText(
      'history.json',
      files.whole!,
      `Read ${TOTAL} entries: ${TOTAL} imported, 0 already present. Nothing was evicted.`,
    );
    expect(await status.getAttribute('class')).not.toContain('error');
    // The same entries, marked as imported, without the exporting browser's environment id.
    const asImported = before.map((entry) => {
      const { profileId: _profileId, ...rest } = entry as StoredEntry & { profileId?: string };
      return { ...rest, imported: true };
    });
    expect(byId(await readHistoryDb(panel))).toEqual(asImported);
    await expectListed(panel, NEWEST_FIRST, TOTAL);
    const rebuilt = await historyItems(panel).first().locator('.status').textContent();
    expect(rebuilt).toBe('Network failure');

    // The same entries again (the filtered file): skipped by id, counted, neither duplicated nor overwritten.
    await importText(
      'filtered.json',
      files.filtered!,
      `Read 3 entries: 0 imported, 3 already present. Nothing was evicted.`,
    );
    expect(byId(await readHistoryDb(panel))).toEqual(asImported);
    await expect.poll(() => countText(panel)).toBe(`${TOTAL} entries`);
  });

  test('an invalid file is refused with its reason, and nothing of it is merged', async () => {
    const before = byId(await readHistoryDb(panel));
    // A well-formed export of two entries the history does not have: what a merge would add.
    const fresh = JSON.parse(files.whole!) as ExportFile;
    fresh.entries = fresh.entries.slice(0, 2).map((entry, n) => {
      const chatId = `5eed9${n}00-0000-4000-8000-000000000000`;
      return {
        ...entry,
        id: `imported-${n}`,
        chatId,
        request: { ...entry.request, url: entry.request.url.replace(entry.chatId, chatId) },
      };
    });
    const withState = (state: string) => {
      const copy = structuredClone(fresh);
      (copy.entries[1] as { state: string }).state = state;
      return JSON.stringify(copy);
    };
    const withKey = () => {
      const copy = structuredClone(fresh);
      copy.entries[0]!.request.headers = [['Authorization', 'Bearer sk_live_leaked']];
      return JSON.stringify(copy);
    };

    const cases: Array<[string, string, string | RegExp]> = [
      ['notes.txt', 'this is not JSON {', 'Import refused: The file is not JSON. Nothing was imported.'],
      [
        'history.har',
        files.har!,
        'Import refused: This is not a Linq Typing Inspector history export (its "format" field is missing or different). Nothing was imported.',
      ],
      [
        'array.json',
        JSON.stringify(fresh.entries),
        'Import refused: This is not a Linq Typing Inspector history export (its "format" field is missing or different). Nothing was imported.',
      ],
      [
        'bogus.json',
        withState('bogus'),
        /^Import refused: The file does not match the export format at entries\.1\.state: .+ Nothing was imported\.$/,
      ],
      [
        'future.json',
        JSON.stringify({ ...fresh, version: 2 }),
        /^Import refused: The file does not match the export format at version: .+ Nothing was imported\.$/,
      ],
      [
        'leaked.json',
        withKey(),
        'Import refused: The file contains an unredacted Authorization header; it was not made by this extension. Nothing was imported.',
      ],
    ];
    let previous = '';
    for (const [fileName, text, expected] of cases) {
      // Each refusal must be a new message, or a stale one could pass for it: two in a row that read the same
      // are separated by a valid import of nothing new.
      if (typeof expected === 'string' && expected === previous) {
        await importText(
          'filtered.json',
          files.filtered!,
          'Read 3 entries: 0 imported, 3 already present. Nothing was evicted.',
        );
      }
      previous = await importText(fileName, text, expected);
      expect(await status.getAttribute('class'), fileName).toContain('error');
      expect(byId(await readHistoryDb(panel)), fileName).toEqual(before);
      expect(await countText(panel), fileName).toBe(`${TOTAL} entries`);
    }

    // The same file made valid goes in, which proves the refusals above were about what they said.
    await importText(
      'fresh.json',
      withState('settled'),
      'Read 2 entries: 2 imported, 0 already present. Nothing was evicted.',
    );
    const after = await readHistoryDb(panel);
    expect(after).toHaveLength(TOTAL + 2);
    expect(
      after
        .filter((entry) => entry.id.startsWith('imported-'))
        .map((entry) => entry.chatId)
        .toSorted(),
    ).toEqual(fresh.entries.map((entry) => entry.chatId).toSorted());
    await expect.poll(() => countText(panel)).toBe(`${TOTAL + 2} entries`);
  });

  test('an entry exported while pending comes back Interrupted (it can never settle), with a Retry', async () => {
    const file = JSON.parse(files.whole!) as ExportFile;
    const source = file.entries.find((entry) => entry.chatId === linqErrorChat(2001))!;
    const chatId = '5eed2000-0000-4000-8000-000000000000';
    const pending = {
      ...source,
      id: 'imported-pending',
      chatId,
      startedAt: Date.now(),
      state: 'pending' as const,
      request: { ...source.request, url: source.request.url.replace(linqErrorChat(2001), chatId) },
    } as StoredEntry & { durationMs?: number };
    delete pending.outcome;
    delete pending.response;
    delete pending.durationMs;
    await importText(
      'pending.json',
      JSON.stringify({ ...file, entries: [pending] }),
      'Read 1 entry: 1 imported, 0 already present. Nothing was evicted.',
    );

    const stored = (await readHistoryDb(panel)).find((entry) => entry.id === 'imported-pending');
    expect(stored?.state).toBe('interrupted');
    expect(stored?.outcome?.kind).toBe('interrupted');
    const item = historyItems(panel).filter({ hasText: chatId }).first();
    await expect.poll(() => statusLabelOf(item)).toBe('Interrupted');
    // Retry is offered in its details (a click on the row opens them).
    const itemDetails = await openDetails(panel, item, chatId);
    expect(await itemDetails.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
    await setFilterBox(kindBox(panel, 'Interrupted'), true);
    await expectListed(panel, [chatId], TOTAL + 3);
    await clearFilters(panel);
  });
});

interface HarHeader {
  name: string;
  value: string;
}
interface HarLog {
  version: string;
  creator: { name: string; version: string };
  entries: Array<{
    startedDateTime: string;
    time: number;
    request: {
      method: string;
      url: string;
      httpVersion: string;
      headers: HarHeader[];
      queryString: HarHeader[];
      cookies: unknown[];
      headersSize: number;
      bodySize: number;
    };
    response: {
      status: number;
      statusText: string;
      httpVersion: string;
      headers: HarHeader[];
      cookies: unknown[];
      content: { size: number; mimeType: string; text?: string };
      redirectURL: string;
      headersSize: number;
      bodySize: number;
    };
    cache: object;
    timings: { send: number; wait: number; receive: number };
  }>;
}
