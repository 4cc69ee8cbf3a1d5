/**
 * The panel's history tools on a varied, real history: search and every filter (kept in the URL hash, so a
 * filtered view can be bookmarked), the popup's latest five and its way to the rest, every copy action of
 * Entry details, Retry, and retention (the history limit and "Don't record history").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SPECIAL, linqErrorChat } from './harness/chat-ids.ts';
import { grantClipboard, readClipboard, writeClipboard } from './harness/clipboard.ts';
import { configure } from './harness/configure.ts';
import { expectNewEntry, fire, historyItems, statusLabelOf, submitChatId } from './harness/history.ts';
import {
  FAMILY_LABELS,
  KIND_LABELS,
  clearFilters,
  countText,
  currentHash,
  expectListed,
  familyBox,
  historyRegion,
  kindBox,
  listedRows,
  searchBox,
  timeInput,
  type FamilyLabel,
  type KindLabel,
  setFilterBox,
  fillTime,
} from './harness/history-search.ts';
import { readHistoryDb, type StoredEntry } from './harness/history-db.ts';
import { openDetails } from './harness/outcome.ts';
import { DIST_DIR } from './harness/paths.ts';
import { useExtensionSession } from './harness/session.ts';
import { readExtensionStorage } from './harness/storage.ts';
import { fieldState } from './harness/field-message.ts';
import { storedSettings } from './harness/stored.ts';
import { openView, reloadView, viewUrl, waitForViewReady } from './harness/views.ts';
import { waitUntil } from './harness/wait.ts';
import { stopServiceWorker } from './harness/worker.ts';

const VIEWPORT = { width: 1280, height: 720 };
const EXTENSION_VERSION = (JSON.parse(readFileSync(`${DIST_DIR}/manifest.json`, 'utf8')) as { version: string })
  .version;

let panel: Page;
/** The key the extension currently holds (Retry changes it). */
let currentKey: string;

const session = useExtensionSession({
  async setUp() {
    currentKey = session.apiKey;
    panel = await openView(session.extension, 'panel', { errors: session.errors, viewport: VIEWPORT });
    await grantClipboard(session.extension, panel);
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
  },
});

/** Fixed UUIDs with no scenario (204), chosen so no search term below occurs in them. */
const OK_A = '5eed0001-0000-4000-8000-00000000000a';
const OK_B = '5eed0002-0000-4000-8000-00000000000b';

interface Seed {
  chatId: string;
  kind: KindLabel;
  family?: FamilyLabel;
  status: string;
}

/** Fired in this order, so the list shows them reversed. */
const SEEDS: readonly Seed[] = [
  { chatId: OK_A, kind: 'Success', status: '204 Success' },
  { chatId: linqErrorChat(1002), kind: 'Linq error', family: '1xxx request', status: '400 Linq error' },
  { chatId: linqErrorChat(2001), kind: 'Linq error', family: '2xxx resource', status: '404 Linq error' },
  { chatId: OK_B, kind: 'Success', status: '204 Success' },
  { chatId: linqErrorChat(2004), kind: 'Linq error', family: '2xxx resource', status: '401 Linq error' },
  { chatId: linqErrorChat(3006), kind: 'Linq error', family: '3xxx server', status: '500 Linq error' },
  { chatId: linqErrorChat(4005), kind: 'Linq error', family: '4xxx delivery', status: '422 Linq error' },
  { chatId: linqErrorChat(5005), kind: 'Linq error', family: '5xxx attachment', status: '400 Linq error' },
  { chatId: SPECIAL.html502, kind: 'HTTP failure', status: '502 HTTP failure' },
  { chatId: SPECIAL.dropped, kind: 'Network failure', status: 'Network failure' },
  // Fired with "Request timeout" at 1 s.
  { chatId: SPECIAL.hang, kind: 'Timeout', status: 'Timeout' },
  // The service worker is stopped while it waits for this one.
  { chatId: SPECIAL.slow, kind: 'Interrupted', status: 'Interrupted' },
];
const NEWEST_FIRST = SEEDS.map((seed) => seed.chatId).toReversed();
const TOTAL = SEEDS.length;
const newestFirstWhere = (keep: (seed: Seed) => boolean) =>
  SEEDS.filter(keep)
    .map((seed) => seed.chatId)
    .toReversed();

/** The stored entries after seeding, by chat ID (each seed's chat ID is distinct). */
const seeded = new Map<string, StoredEntry>();

/**
 * What a search for `term` must list: the entries it is aimed at, plus any whose random trace ID (from the
 * mock) happens to contain the term, since the trace ID is searched too.
 */
function searchHits(term: string, aimedAt: readonly string[]): string[] {
  return NEWEST_FIRST.filter(
    (chatId) => aimedAt.includes(chatId) || (seeded.get(chatId)?.outcome?.traceId ?? '').includes(term.toLowerCase()),
  );
}

async function seedHistory(): Promise<void> {
  for (const seed of SEEDS) {
    if (seed.kind === 'Timeout') {
      await configure(panel, { timeoutSeconds: 1 });
      const item = await fire(panel, seed.chatId, { timeout: 8_000 });
      expect(await statusLabelOf(item)).toBe(seed.status);
      await configure(panel, { timeoutSeconds: 15 });
    } else if (seed.kind === 'Interrupted') {
      session.mock.clearRequests();
      const pending = await expectNewEntry(panel, seed.chatId, () => submitChatId(panel, seed.chatId), {
        allowPending: true,
      });
      await session.mock.waitForRequests(1, 5_000);
      await stopServiceWorker(session.extension.context, panel);
      await expect.poll(() => statusLabelOf(pending), { timeout: 5_000 }).toBe(seed.status);
    } else {
      const item = await fire(panel, seed.chatId);
      expect(await statusLabelOf(item)).toBe(seed.status);
    }
  }
  for (const entry of await readHistoryDb(panel)) seeded.set(entry.chatId, entry);
  expect(seeded.size).toBe(TOTAL);
}

describe('panel history tools', () => {
  test('seeds a varied history; the list shows all of it newest first and the count agrees', async () => {
    await seedHistory();
    await expectListed(panel, NEWEST_FIRST, TOTAL);
    expect(await countText(panel)).toBe(`${TOTAL} entries`);
    const rows = await listedRows(panel);
    expect(rows.map((row) => row.status)).toEqual(SEEDS.map((seed) => seed.status).toReversed());
    expect(await currentHash(panel)).toBe('');
  });

  test('search finds entries by chat ID, code, trace ID, HTTP status and message text', async () => {
    const search = searchBox(panel);

    await search.fill(OK_A);
    await expectListed(panel, [OK_A], TOTAL);
    // Any case; part of an ID is enough.
    await search.fill(OK_B.slice(0, 8).toUpperCase());
    await expectListed(panel, [OK_B], TOTAL);

    await search.fill('2001');
    await expectListed(panel, searchHits('2001', [linqErrorChat(2001)]), TOTAL);

    // The trace ID as the entry shows it (the mock's X-Trace-ID / trace_id).
    await search.fill(linqErrorChat(3006));
    await expectListed(panel, [linqErrorChat(3006)], TOTAL);
    const traceId = await historyItems(panel).first().locator('.trace-id').textContent();
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).toBe(seeded.get(linqErrorChat(3006))?.outcome?.traceId);
    await search.fill(traceId!);
    await expectListed(panel, [linqErrorChat(3006)], TOTAL);

    await search.fill('502');
    await expectListed(panel, searchHits('502', [SPECIAL.html502]), TOTAL);

    // The server's message text, any case, every word must match.
    await search.fill('FILE too large');
    await expectListed(panel, [linqErrorChat(5005)], TOTAL);
    await search.fill('file enormous');
    await expectListed(panel, [], TOTAL);

    expect(new URLSearchParams((await currentHash(panel)).slice(1)).get('q')).toBe('file enormous');
    await search.fill('');
    await expectListed(panel, NEWEST_FIRST, TOTAL);
    expect(await currentHash(panel)).toBe('');
  });

  test('each Outcome checkbox keeps only its kind; two together show both', async () => {
    for (const kind of KIND_LABELS) {
      await setFilterBox(kindBox(panel, kind), true);
      await expectListed(
        panel,
        newestFirstWhere((seed) => seed.kind === kind),
        TOTAL,
      );
      await setFilterBox(kindBox(panel, kind), false);
    }
    await expectListed(panel, NEWEST_FIRST, TOTAL);

    await setFilterBox(kindBox(panel, 'Timeout'), true);
    await setFilterBox(kindBox(panel, 'Interrupted'), true);
    await expectListed(
      panel,
      newestFirstWhere((seed) => seed.kind === 'Timeout' || seed.kind === 'Interrupted'),
      TOTAL,
    );
    expect(new URLSearchParams((await currentHash(panel)).slice(1)).get('kind')).toBe('timeout,interrupted');
    await clearFilters(panel);
    await expectListed(panel, NEWEST_FIRST, TOTAL);
  });

  test('each Code family checkbox keeps only codes of that family', async () => {
    for (const family of FAMILY_LABELS) {
      await setFilterBox(familyBox(panel, family), true);
      const expected = newestFirstWhere((seed) => seed.family === family);
      expect(expected.length).toBeGreaterThan(0);
      await expectListed(panel, expected, TOTAL);
      await setFilterBox(familyBox(panel, family), false);
    }
    await setFilterBox(familyBox(panel, '3xxx server'), true);
    await setFilterBox(familyBox(panel, '5xxx attachment'), true);
    await expectListed(panel, [linqErrorChat(5005), linqErrorChat(3006)], TOTAL);
    expect(new URLSearchParams((await currentHash(panel)).slice(1)).get('family')).toBe('3,5');
    await clearFilters(panel);
    await expectListed(panel, NEWEST_FIRST, TOTAL);
  });

  test('a time range can exclude everything or include everything', async () => {
    const localToIso = (value: string, endOfMinute: boolean) =>
      panel.evaluate(([text, end]) => new Date(new Date(text).getTime() + (end ? 59_999 : 0)).toISOString(), [
        value,
        endOfMinute,
      ] as const);

    await fillTime(timeInput(panel, 'From'), '2099-01-01T00:00');
    await expectListed(panel, [], TOTAL);
    expect(new URLSearchParams((await currentHash(panel)).slice(1)).get('from')).toBe(
      await localToIso('2099-01-01T00:00', false),
    );
    await fillTime(timeInput(panel, 'From'), '');
    await expectListed(panel, NEWEST_FIRST, TOTAL);

    await fillTime(timeInput(panel, 'To'), '2000-01-01T00:00');
    await expectListed(panel, [], TOTAL);

    await fillTime(timeInput(panel, 'From'), '2000-01-01T00:00');
    await fillTime(timeInput(panel, 'To'), '2099-12-31T23:59');
    await expectListed(panel, NEWEST_FIRST, TOTAL);
    const params = new URLSearchParams((await currentHash(panel)).slice(1));
    expect(params.get('from')).toBe(await localToIso('2000-01-01T00:00', false));
    expect(params.get('to')).toBe(await localToIso('2099-12-31T23:59', true));

    // Bookmarkable: the range survives a reload.
    await reloadView(panel);
    expect(await timeInput(panel, 'From').inputValue()).toBe('2000-01-01T00:00');
    expect(await timeInput(panel, 'To').inputValue()).toBe('2099-12-31T23:59');
    await expectListed(panel, NEWEST_FIRST, TOTAL);
    await clearFilters(panel);
    expect(await currentHash(panel)).toBe('');
  });

  test('the URL hash holds the filter; reloading or opening that URL restores the same filtered view', async () => {
    await searchBox(panel).fill('2001');
    await setFilterBox(kindBox(panel, 'Linq error'), true);
    await setFilterBox(familyBox(panel, '2xxx resource'), true);
    const expected = searchHits('2001', [linqErrorChat(2001)]).filter((chatId) => {
      const seed = SEEDS.find((candidate) => candidate.chatId === chatId)!;
      return seed.kind === 'Linq error' && seed.family === '2xxx resource';
    });
    await expectListed(panel, expected, TOTAL);
    const hash = await currentHash(panel);
    expect(hash).toBe('#q=2001&kind=linq_error&family=2');

    const expectRestored = async (page: Page) => {
      expect(await searchBox(page).inputValue()).toBe('2001');
      for (const kind of KIND_LABELS) expect(await kindBox(page, kind).isChecked()).toBe(kind === 'Linq error');
      for (const family of FAMILY_LABELS)
        expect(await familyBox(page, family).isChecked()).toBe(family === '2xxx resource');
      await expectListed(page, expected, TOTAL);
      expect(await currentHash(page)).toBe(hash);
    };

    await reloadView(panel);
    await expectRestored(panel);

    // A bookmark: the URL opened in a new tab.
    const bookmarked = await session.extension.context.newPage();
    session.errors.watch(bookmarked);
    await bookmarked.setViewportSize(VIEWPORT);
    await bookmarked.goto(`${viewUrl(session.extension.extensionId, 'panel')}${hash}`);
    await waitForViewReady(bookmarked);
    await expectRestored(bookmarked);
    await bookmarked.close();

    await clearFilters(panel);
    await expectListed(panel, NEWEST_FIRST, TOTAL);
  });

  test('popup: only the latest 5 entries; "Open full history" opens the panel page with all of them', async () => {
    const popup = await session.extension.context.newPage();
    session.errors.watch(popup);
    await popup.goto(viewUrl(session.extension.extensionId, 'popup'));
    await waitForViewReady(popup);

    const history = historyRegion(popup);
    await expect.poll(() => historyItems(popup).count()).toBe(5);
    const shown = await historyItems(popup).evaluateAll((items) =>
      items.map((item) => item.querySelector('.chat-id')?.textContent),
    );
    expect(shown).toEqual(NEWEST_FIRST.slice(0, 5));
    expect(((await history.locator('.count').textContent()) ?? '').trim()).toBe(`latest 5 of ${TOTAL}`);

    const link = history.getByRole('link', { name: 'Open full history' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const [full] = await Promise.all([session.extension.context.waitForEvent('page'), link.click()]);
    session.errors.watch(full);
    await full.waitForLoadState();
    expect(full.url()).toBe(viewUrl(session.extension.extensionId, 'panel'));
    await waitForViewReady(full);
    await full.setViewportSize(VIEWPORT);
    await expectListed(full, NEWEST_FIRST, TOTAL);
    await full.close();
    await popup.close();
  });

  test('Entry details: every copy action puts the right text on the clipboard and confirms it', async () => {
    const chatId = linqErrorChat(2001);
    const entry = seeded.get(chatId)!;
    await panel.bringToFront();
    // A filter stays active, as an operator would have it while investigating.
    await setFilterBox(kindBox(panel, 'Linq error'), true);
    await expectListed(
      panel,
      newestFirstWhere((seed) => seed.kind === 'Linq error'),
      TOTAL,
    );
    const details = await openDetails(panel, historyItems(panel).filter({ hasText: chatId }).first(), chatId);
    const actions = details.getByRole('group', { name: 'Entry actions' });
    const status = details.getByRole('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');

    const copy = async (button: Locator, confirmation: string): Promise<string> => {
      const before = `clipboard before ${confirmation}`;
      await writeClipboard(panel, before);
      await button.click();
      await expect.poll(() => status.textContent()).toBe(confirmation);
      await expect.poll(() => readClipboard(panel)).not.toBe(before);
      return readClipboard(panel);
    };
    const url = `${session.baseUrl}/v3/chats/${chatId}/typing`;

    const curl = await copy(
      actions.getByRole('button', { name: 'Copy as cURL' }),
      'Copied the cURL command (key as $LINQ_API_KEY).',
    );
    // The entry's timeout as --max-time, and a key variable that must be set (bash stops with "set LINQ_API_KEY").
    expect(curl).toContain(`curl -i --max-time ${entry.request.timeoutMs / 1000} -X DELETE '${url}'`);
    expect(curl).toContain('"Authorization: Bearer ${LINQ_API_KEY:?set LINQ_API_KEY}"');
    expect(curl).not.toContain(currentKey);

    const sdk = await copy(actions.getByRole('button', { name: 'Copy as SDK code' }), 'Copied the SDK code.');
    expect(sdk).toContain(`client.chats.typing.stop("${chatId}")`);
    expect(sdk).toContain(`apiKey: process.env.LINQ_API_KEY, maxRetries: 0, timeout: ${entry.request.timeoutMs}`);
    expect(sdk).toContain(`baseURL: "${session.baseUrl}"`);
    expect(sdk).not.toContain(currentKey);

    const cli = await copy(actions.getByRole('button', { name: 'Copy as CLI command' }), 'Copied the CLI command.');
    expect(cli).toBe(
      `LINQ_TOKEN="\${LINQ_API_KEY:?set LINQ_API_KEY}" LINQ_API_URL='${session.baseUrl}' linq chats typing '${chatId}' --stop`,
    );

    const report = await copy(
      actions.getByRole('button', { name: 'Copy support report' }),
      'Copied the support report.',
    );
    const lines = report.split('\n');
    expect(lines).toContain(`Time (UTC): ${new Date(entry.startedAt).toISOString()}`);
    expect(lines).toContain(`Endpoint: DELETE ${new URL(url).pathname} (host ${new URL(session.mock.url).host})`);
    expect(lines).toContain('HTTP status: 404');
    expect(report).toMatch(/^Error code: 2001 \(.+\)$/m);
    expect(lines).toContain(`Message: Chat not found`);
    expect(lines).toContain(`Trace ID: ${entry.outcome?.traceId}`);
    // The body as Linq's Debugging guide asks (the 2001 envelope is well under the report's 2 KiB).
    expect(lines).toContain(`Response body: ${entry.response?.bodyPreview}`);
    expect(report).toContain('"code":2001');
    expect(lines).toContain(`Reported with: Linq Typing Inspector ${EXTENSION_VERSION}`);
    expect(report).not.toContain(currentKey);
    expect(report).not.toContain('Authorization');

    // The real key only on the separate, explicit action behind its warning.
    expect(await details.getByRole('button', { name: 'Copy cURL with real key' }).isVisible()).toBe(false);
    await details.getByText('Include the real API key…').click();
    // The entry was sent from Production (its Base URL pointed at the mock): its key, naming the host.
    const host = new URL(session.baseUrl).host;
    const withKey = await copy(
      details.getByRole('button', { name: `Copy cURL with real key for ${host}` }),
      `Copied the cURL command WITH your Production key for ${host}. Handle it as a secret.`,
    );
    expect(withKey).toContain(`'Authorization: Bearer ${currentKey}'`);
    expect(withKey).toContain(` -X DELETE '${url}'`);
    expect(withKey).not.toContain('LINQ_API_KEY');
  });

  test('Retry (from Details and from a row) sends the same chat ID again with the current settings', async () => {
    const chatId = linqErrorChat(2001);
    const details = panel.getByRole('region', { name: 'Entry details' });
    await details.getByRole('heading', { level: 2 }).filter({ hasText: chatId }).waitFor();

    // The key changes after the original request; the retry must use the new one.
    currentKey = `sk_e2e_retry_${Math.random().toString(36).slice(2, 10)}`;
    await configure(panel, { apiKey: currentKey });
    session.mock.clearRequests();
    const retried = await expectNewEntry(panel, chatId, () =>
      details.getByRole('group', { name: 'Entry actions' }).getByRole('button', { name: 'Retry' }).click(),
    );
    expect(await statusLabelOf(retried)).toBe('404 Linq error');
    expect(session.mock.requests).toHaveLength(1);
    expect(session.mock.requests[0]).toMatchObject({ method: 'DELETE', chatId, authorization: `Bearer ${currentKey}` });

    await clearFilters(panel);
    const [topBefore] = await listedRows(panel);
    expect(topBefore?.chatId).toBe(chatId);

    // From a row, with yet another key.
    currentKey = `sk_e2e_row_${Math.random().toString(36).slice(2, 10)}`;
    await configure(panel, { apiKey: currentKey });
    session.mock.clearRequests();
    // Found by search first: in the virtual list, the newest entry is the first row only when scrolled to the top.
    await searchBox(panel).fill(OK_B);
    await expectListed(panel, [OK_B], TOTAL + 1);
    // The row's Retry is in its details, which a click on the row opens.
    const row = historyItems(panel).filter({ hasText: OK_B }).first();
    const rowDetails = await openDetails(panel, row, OK_B);
    const again = await expectNewEntry(panel, OK_B, () =>
      rowDetails.getByRole('group', { name: 'Entry actions' }).getByRole('button', { name: 'Retry' }).click(),
    );
    expect(await statusLabelOf(again)).toBe('204 Success');
    expect(session.mock.requests).toHaveLength(1);
    expect(session.mock.requests[0]).toMatchObject({ chatId: OK_B, authorization: `Bearer ${currentKey}` });
    await expectListed(panel, [OK_B, OK_B], TOTAL + 2);
    await searchBox(panel).fill('');

    // Both retries are new entries; the originals are still there.
    await expectListed(panel, [OK_B, chatId, ...NEWEST_FIRST], TOTAL + 2);
    const chats = (await readHistoryDb(panel)).map((stored) => stored.chatId);
    expect(chats.filter((id) => id === chatId)).toHaveLength(2);
    expect(chats.filter((id) => id === OK_B)).toHaveLength(2);
  });

  test('retention: with the limit at 100, 103 requests leave the newest 100', async () => {
    await clearHistory(panel);
    await openSettings(panel);
    const limit = panel.getByRole('spinbutton', { name: 'History limit (entries)' });
    // Below the range: refused beside the field, the stored limit kept.
    const before = storedSettings((await readExtensionStorage(panel)).local).historyCap;
    expect(before).toBeGreaterThanOrEqual(100);
    await limit.fill('50');
    await limit.blur();
    await expect.poll(async () => (await fieldState(limit)).invalid).toBe('true');
    const shown = await fieldState(limit);
    expect(shown.descriptions[0]).toBe('50 is out of range: enter a number from 100 to 100000 entries.');
    expect(shown.visible[0]).toBe(true);
    expect(storedSettings((await readExtensionStorage(panel)).local).historyCap).toBe(before);
    await limit.fill('100');
    await limit.blur();
    await waitForStoredSetting('historyCap', 100);

    const ids = Array.from({ length: 103 }, (_, n) => `7e7e0000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    // The three oldest through the form, one by one, so they are certainly the oldest. The other 100 are
    // sent the way the views send a request (the worker's "typing.stop" message), all at once from this
    // page: 100 Playwright fill/press pairs take ~25 s on a loaded machine.
    for (const chatId of ids.slice(0, 3)) await fire(panel, chatId);
    session.mock.clearRequests();
    const replies = await panel.evaluate(
      (chatIds) =>
        Promise.all(
          chatIds.map(async (chatId) => {
            const reply = (await chrome.runtime.sendMessage({ type: 'typing.stop', chatId })) as
              { ok?: boolean } | undefined;
            return reply?.ok === true;
          }),
        ),
      ids.slice(3),
    );
    expect(replies.every(Boolean)).toBe(true);
    let entries: StoredEntry[] = [];
    await waitUntil(
      async () => {
        entries = await readHistoryDb(panel);
        return entries.length === 100 && entries.every((entry) => entry.state === 'settled');
      },
      {
        timeout: 20_000,
        interval: 200,
        message: 'the history did not settle at 100 entries',
        describe: () => `mock saw ${session.mock.requests.length}; stored ${entries.length}`,
      },
    );
    expect(session.mock.requests.map((request) => request.chatId).toSorted()).toEqual(ids.slice(3));
    expect(new Set(entries.map((entry) => entry.chatId))).toEqual(new Set(ids.slice(3)));
    await expect.poll(() => countText(panel)).toBe('100 entries');
    // Sent concurrently, so the worker's start times decide the order.
    const newestFirst = entries
      .toSorted((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1))
      .map((entry) => entry.chatId);
    await expectListed(panel, newestFirst, 100);
  });

  test('"Don\'t record history": the result still shows, nothing is stored; off again records again', async () => {
    await openSettings(panel);
    const noRecord = panel.getByRole('checkbox', { name: "Don't record history" });
    await noRecord.check();
    await waitForStoredSetting('recordHistory', false);
    expect(await panel.getByText('New requests show their result here but are not stored.').isVisible()).toBe(true);

    const before = await readHistoryDb(panel);
    const unrecorded = linqErrorChat(2001);
    session.mock.clearRequests();
    await submitChatId(panel, unrecorded);
    const latest = panel.getByRole('region', { name: 'Latest result' });
    await expect.poll(() => latest.textContent()).toContain(unrecorded);
    await expect.poll(() => latest.textContent()).toContain('404 Linq error');
    expect(session.mock.requests.map((request) => request.chatId)).toEqual([unrecorded]);
    const after = await readHistoryDb(panel);
    expect(after).toHaveLength(before.length);
    expect(after.map((entry) => entry.id).toSorted()).toEqual(before.map((entry) => entry.id).toSorted());
    expect(after.some((entry) => entry.chatId === unrecorded)).toBe(false);
    expect(await countText(panel)).toBe('100 entries');

    await noRecord.uncheck();
    await waitForStoredSetting('recordHistory', true);
    const recorded = '5eed0003-0000-4000-8000-00000000000c';
    const item = await fire(panel, recorded);
    expect(await statusLabelOf(item)).toBe('204 Success');
    const stored = await readHistoryDb(panel);
    expect(stored.some((entry) => entry.chatId === recorded)).toBe(true);
    // Still at the limit: the new entry pushed the oldest one out.
    expect(stored).toHaveLength(100);
    await expect.poll(() => countText(panel)).toBe('100 entries');
  });
});

async function openSettings(page: Page): Promise<void> {
  await page.bringToFront();
  const limit = page.getByRole('spinbutton', { name: 'History limit (entries)' });
  if (!(await limit.isVisible())) await page.getByText('Settings', { exact: true }).click();
  await limit.waitFor({ state: 'visible' });
}

async function waitForStoredSetting(name: 'historyCap' | 'recordHistory', value: unknown): Promise<void> {
  await waitUntil(
    async () =>
      ((await readExtensionStorage(panel)).local.settings as Record<string, unknown> | undefined)?.[name] === value,
    { message: `settings.${name} never became ${String(value)}` },
  );
}

async function clearHistory(page: Page): Promise<void> {
  await page.bringToFront();
  const history = historyRegion(page);
  if (await history.getByRole('button', { name: 'Clear history' }).isDisabled()) return;
  await history.getByRole('button', { name: 'Clear history' }).click();
  await history
    .getByRole('group', { name: 'Confirm clearing the history' })
    .getByRole('button', { name: 'Yes, clear history' })
    .click();
  await expect.poll(() => countText(page)).toBe('0 entries');
  expect(await readHistoryDb(page)).toEqual([]);
}
