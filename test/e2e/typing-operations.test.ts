/**
 * Start typing, the rehearsal (start, wait N s, stop, linked as one), and rate limits (issue 6, items 2 and
 * 3): after a 429 the buttons count down the retry-after for that chat, sending again is held back until
 * "Send anyway", and another chat is not held back.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { linqErrorChat, okChat } from './harness/chat-ids.ts';
import { configure } from './harness/configure.ts';
import { fieldState } from './harness/field-message.ts';
import { expectNewEntry, fire, historyDump, historyItems, statusLabelOf, waitUntilSettled } from './harness/history.ts';
import { readHistoryDb } from './harness/history-db.ts';
import { describedValue } from './harness/outcome.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';
import { waitUntil } from './harness/wait.ts';

let popup: Page;

const session = useExtensionSession({
  async setUp() {
    popup = await openView(session.extension, 'popup', { errors: session.errors });
    await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey });
  },
});

const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop typing', exact: true });
const startButton = (page: Page) => page.getByRole('button', { name: 'Start typing', exact: true });
const chatField = (page: Page) => page.getByRole('textbox', { name: 'Chat ID' });
/** The seconds of a button's rate-limit countdown (" · N s"), or undefined without one. */
async function countdownOf(button: Locator): Promise<number | undefined> {
  const text = ((await button.textContent({ timeout: 1_000 })) ?? '').trim();
  const match = / · (\d+) s$/.exec(text);
  return match ? Number(match[1]) : undefined;
}
const operationOf = async (item: Locator) => ((await item.locator('.operation').textContent()) ?? '').trim();

describe('Start typing and the rehearsal', () => {
  test('"Start typing" sends POST …/typing with the key; the entry names its operation', async () => {
    const chatId = okChat();
    session.mock.clearRequests();
    const item = await expectNewEntry(popup, chatId, async () => {
      await chatField(popup).fill(chatId);
      await startButton(popup).click();
    });
    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(await operationOf(item)).toBe('Start typing');
    expect(await item.locator('.method').textContent()).toBe('POST');
    expect(session.mock.requests.map(({ method, path, authorization }) => ({ method, path, authorization }))).toEqual([
      { method: 'POST', path: `/api/partner/v3/chats/${chatId}/typing`, authorization: `Bearer ${session.apiKey}` },
    ]);
    const latest = popup.getByRole('region', { name: 'Latest result' });
    expect(await latest.textContent()).toContain(`Start typing: POST ${chatId}`);
  });

  test('"Stop after (seconds)" is 1–60, 5 by default, and names the rehearsal button', async () => {
    const seconds = popup.getByRole('spinbutton', { name: 'Stop after (seconds)' });
    expect(await seconds.inputValue()).toBe('5');
    expect(await seconds.getAttribute('min')).toBe('1');
    expect(await seconds.getAttribute('max')).toBe('60');
    expect(await popup.getByRole('button', { name: 'Start, then stop after 5 s' }).isVisible()).toBe(true);

    // Out-of-range values are brought into range.
    await seconds.fill('99');
    await seconds.blur();
    await popup.getByRole('button', { name: 'Start, then stop after 60 s' }).waitFor({ timeout: 2_000 });
    expect(await seconds.inputValue()).toBe('60');
    await seconds.fill('0');
    await seconds.blur();
    await popup.getByRole('button', { name: 'Start, then stop after 1 s' }).waitFor({ timeout: 2_000 });
    expect(await seconds.inputValue()).toBe('1');
  });

  test('"Start, then stop after 1 s": POST then DELETE about 1 s apart, two entries linked as one rehearsal', async () => {
    const seconds = popup.getByRole('spinbutton', { name: 'Stop after (seconds)' });
    await seconds.fill('1');
    await seconds.blur();
    const rehearse = popup.getByRole('button', { name: 'Start, then stop after 1 s' });
    const chatId = okChat();
    session.mock.clearRequests();
    await chatField(popup).fill(chatId);
    await rehearse.click();

    const items = historyItems(popup).filter({ hasText: chatId });
    await waitUntil(async () => (await items.count()) === 2 && (await operationOf(items.first())) === 'Stop typing', {
      timeout: 8_000,
      message: 'the rehearsal did not leave two entries',
      describe: () => historyDump(popup),
    });
    const [stop, start] = [items.nth(0), items.nth(1)];
    expect(await waitUntilSettled(stop)).toBe('204 Success');
    expect(await waitUntilSettled(start)).toBe('204 Success');

    expect(session.mock.requests.map(({ method, path }) => ({ method, path }))).toEqual([
      { method: 'POST', path: `/api/partner/v3/chats/${chatId}/typing` },
      { method: 'DELETE', path: `/api/partner/v3/chats/${chatId}/typing` },
    ]);
    const gap = session.mock.requests[1]!.at - session.mock.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(3_000);

    // Newest first: the stop, then the start; each names its operation and carries the same rehearsal tag.
    expect([await operationOf(stop), await operationOf(start)]).toEqual(['Stop typing', 'Start typing']);
    expect([await stop.locator('.method').textContent(), await start.locator('.method').textContent()]).toEqual([
      'DELETE',
      'POST',
    ]);
    const stopTag = ((await stop.getByText(/^rehearsal /).textContent()) ?? '').trim();
    expect(stopTag).toMatch(/^rehearsal [0-9a-f-]{8}$/);
    expect(((await start.getByText(/^rehearsal /).textContent()) ?? '').trim()).toBe(stopTag);

    // The stored entries carry more than StoredEntry declares: their operation and the shared rehearsalId.
    const stored = (await readHistoryDb(popup)).filter((entry) => entry.chatId === chatId) as unknown as Array<{
      operation: string;
      rehearsalId?: string;
    }>;
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((entry) => entry.operation))).toEqual(new Set(['typing.start', 'typing.stop']));
    expect(stored[0]!.rehearsalId).toBeTruthy();
    expect(stored[1]!.rehearsalId).toBe(stored[0]!.rehearsalId);
    expect(stopTag).toBe(`rehearsal ${stored[0]!.rehearsalId!.slice(0, 8)}`);

    const latest = (await popup.getByRole('region', { name: 'Latest result' }).textContent()) ?? '';
    expect(latest).toContain(`Stop typing: DELETE ${chatId}`);
    expect(latest).toContain('Rehearsal: Start typing answered 204 Success before this.');
  });
});

describe('Rate limits', () => {
  const limited = linqErrorChat(1007);

  test('a 429/1007 makes both buttons count down the 30 s (names unchanged) beside a "Rate limited" note', async () => {
    const item = await fire(popup, limited);
    expect(await statusLabelOf(item)).toBe('429 Linq error');
    // The popup's row is one line; this view's latest result is that entry, decoded.
    const latest = popup.getByRole('region', { name: 'Latest result' });
    expect(await describedValue(latest, 'Retry')).toMatch(/Wait 30 s\.$/);

    for (const button of [stopButton(popup), startButton(popup)]) {
      const seconds = await countdownOf(button);
      expect(seconds).toBeGreaterThanOrEqual(25);
      expect(seconds).toBeLessThanOrEqual(30);
      expect(await button.textContent()).toMatch(/^(Stop|Start) typing · \d+ s$/);
    }
    // The countdown is hidden from the accessible name ("Stop typing" exactly matched above) and described.
    const note = popup.getByText(/^Rate limited: the API asked to wait \d+ s more before the next request\.$/);
    expect(await note.isVisible()).toBe(true);
    expect((await fieldState(stopButton(popup))).descriptions[0]).toMatch(
      /^Rate limited: the API asked to wait \d+ s more/,
    );
    expect(await stopButton(popup).evaluate((button) => button.getAttribute('aria-describedby'))).toBe(
      await startButton(popup).evaluate((button) => button.getAttribute('aria-describedby')),
    );

    const first = (await countdownOf(stopButton(popup)))!;
    await expect.poll(() => countdownOf(stopButton(popup)), { timeout: 3_000 }).toBeLessThan(first);
  });

  test('firing the same chat again during the wait sends nothing and asks "Send anyway"; that sends it', async () => {
    session.mock.clearRequests();
    const entriesBefore = await historyItems(popup).count();
    // The same chat as typed differently (case, quotes) is the same chat.
    await chatField(popup).fill(`"${limited.toUpperCase()}"`);
    expect(await countdownOf(stopButton(popup))).toBeGreaterThan(0);
    await stopButton(popup).click();
    const confirm = popup.getByRole('alert').filter({ hasText: 'Still rate limited. Send anyway?' });
    await confirm.waitFor({ timeout: 2_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.mock.requests).toEqual([]);
    expect(await historyItems(popup).count()).toBe(entriesBefore);

    // Start typing is held back too; Cancel drops it.
    await startButton(popup).click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached', timeout: 2_000 });
    expect(session.mock.requests).toEqual([]);

    await stopButton(popup).click();
    const item = await expectNewEntry(popup, limited, () =>
      confirm.getByRole('button', { name: 'Send anyway' }).click(),
    );
    expect(await statusLabelOf(item)).toBe('429 Linq error');
    expect(session.mock.requests.map(({ method, chatId }) => ({ method, chatId }))).toEqual([
      { method: 'DELETE', chatId: limited },
    ]);
    expect(await confirm.count()).toBe(0);
  });

  test('another chat ID is not held back: no countdown, sent at once', async () => {
    session.mock.clearRequests();
    const other = okChat();
    await chatField(popup).fill(other);
    await expect.poll(() => stopButton(popup).textContent()).toBe('Stop typing');
    expect(await startButton(popup).textContent()).toBe('Start typing');
    expect(await popup.getByText(/^Rate limited:/).count()).toBe(0);
    const item = await fire(popup, other);
    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(session.mock.requests.map(({ chatId }) => chatId)).toEqual([other]);
    expect(await popup.getByRole('alert').filter({ hasText: 'Send anyway' }).count()).toBe(0);

    // Back on the limited chat, its countdown is still running.
    await chatField(popup).fill(limited);
    expect(await countdownOf(stopButton(popup))).toBeGreaterThan(0);
  });
});
