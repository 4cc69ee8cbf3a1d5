/**
 * Bad input is refused before anything is sent: the field is marked aria-invalid and its message is tied to it
 * with aria-describedby. "Nothing sent" is proven by a sentinel: the next valid request must be
 * the only one the mock has seen.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { okChat } from './harness/chat-ids.ts';
import { fieldState } from './harness/field-message.ts';
import { fire, historyItems, submitChatId } from './harness/history.ts';
import { expectKeyNotInPageText } from './harness/page-text.ts';
import { configure } from './harness/configure.ts';
import { useExtensionSession } from './harness/session.ts';
import { readExtensionStorage } from './harness/storage.ts';
import { keyIn, storedActiveProfile } from './harness/stored.ts';
import type { ViewName } from './harness/paths.ts';
import { openView } from './harness/views.ts';

const pages: Partial<Record<ViewName, Page>> = {};

const session = useExtensionSession({
  async setUp() {
    pages.popup = await openView(session.extension, 'popup', { errors: session.errors });
    await configure(pages.popup, { baseUrl: session.baseUrl, apiKey: session.apiKey });
    pages.panel = await openView(session.extension, 'panel', { errors: session.errors });
  },
  async beforeClose() {
    for (const page of Object.values(pages)) await expectKeyNotInPageText(page, session.apiKey);
  },
});

/** Fires a valid chat and checks it is the only request the mock saw since `clearRequests()`. */
async function expectOnlySentinelWasSent(page: Page): Promise<void> {
  const sentinel = okChat();
  await fire(page, sentinel);
  expect(session.mock.requests.map((request) => request.chatId)).toEqual([sentinel]);
}

const INVALID_CHAT_IDS = [
  { name: 'a word', input: 'abc', message: /36-character UUID .* this has 3 characters/ },
  { name: 'a path traversal', input: '../../x', message: /contains a slash/ },
  { name: 'an empty field', input: '', message: /^Enter a chat ID\.$/ },
  { name: 'a UUID with a slash', input: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427/x', message: /contains a slash/ },
  { name: 'a dot segment', input: '..', message: /contains a dot/ },
  { name: 'a URL-encoded dot segment', input: '%2e%2e', message: /percent sign/ },
] as const;

// Every case in the popup; the panel shares the same form, so two cases (by Enter) show it is wired the same.
const CASES = [
  ...INVALID_CHAT_IDS.map((invalid) => ({ view: 'popup' as const, ...invalid })),
  ...INVALID_CHAT_IDS.slice(0, 2).map((invalid) => ({ view: 'panel' as const, ...invalid })),
];

describe('invalid chat IDs are refused', () => {
  test.each(CASES)('$view: $name: $input', async ({ view, input, message }) => {
    const page = pages[view]!;
    const entriesBefore = await historyItems(page).count();
    session.mock.clearRequests();
    await submitChatId(page, input, view === 'panel' ? 'enter' : 'click');

    const chatField = page.getByRole('textbox', { name: 'Chat ID' });
    await expect.poll(() => chatField.getAttribute('aria-invalid')).toBe('true');
    const state = await fieldState(chatField);
    expect(state.descriptions).toHaveLength(1);
    expect(state.descriptions[0]).toMatch(message);
    expect(state.visible).toEqual([true]);
    // The API key and base URL were fine, so only the chat ID is marked.
    expect(await page.getByRole('textbox', { name: 'API key' }).getAttribute('aria-invalid')).toBeNull();
    expect(await historyItems(page).count()).toBe(entriesBefore);

    // Editing the field clears the mark; then a valid ID is the first and only request.
    await chatField.fill('x');
    expect(await chatField.getAttribute('aria-invalid')).toBeNull();
    expect((await fieldState(chatField)).descriptions).toEqual([]);
    await expectOnlySentinelWasSent(page);
  });
});

describe('missing or malformed settings', () => {
  test('a missing key: message beside "API key", nothing sent', async () => {
    const page = pages.popup!;
    await page.bringToFront();
    await page.getByRole('button', { name: 'Forget key' }).click();
    const keyField = page.getByRole('textbox', { name: 'API key' });
    expect(await keyField.inputValue()).toBe('');
    await expect
      .poll(async () => {
        const { local, session: sessionArea } = await readExtensionStorage(page);
        return [keyIn(local), keyIn(sessionArea)];
      })
      .toEqual([undefined, undefined]);
    // The other view follows: its key field empties too.
    await expect.poll(() => pages.panel!.getByRole('textbox', { name: 'API key' }).inputValue()).toBe('');

    session.mock.clearRequests();
    const entriesBefore = await historyItems(page).count();
    await submitChatId(page, okChat());
    await expect.poll(() => keyField.getAttribute('aria-invalid')).toBe('true');
    const state = await fieldState(keyField);
    expect(state.descriptions).toEqual(['Enter your Linq API key. Nothing is sent without one.']);
    expect(state.visible).toEqual([true]);
    expect(await page.getByRole('textbox', { name: 'Chat ID' }).getAttribute('aria-invalid')).toBeNull();
    expect(await historyItems(page).count()).toBe(entriesBefore);

    await configure(page, { apiKey: session.apiKey });
    expect(await keyField.getAttribute('aria-invalid')).toBeNull();
    await expectOnlySentinelWasSent(page);
  });

  test('a key with a space ("Bearer …" pasted in) is refused beside "API key"', async () => {
    const page = pages.popup!;
    await configure(page, { apiKey: `Bearer ${session.apiKey}` });
    session.mock.clearRequests();
    await submitChatId(page, okChat());
    const keyField = page.getByRole('textbox', { name: 'API key' });
    await expect.poll(() => keyField.getAttribute('aria-invalid')).toBe('true');
    expect((await fieldState(keyField)).descriptions[0]).toMatch(/contains a space/);

    await configure(page, { apiKey: session.apiKey });
    await expectOnlySentinelWasSent(page);
  });

  test('an invalid base URL is marked on blur and blocks sending; Reset to default is offered', async () => {
    const page = pages.popup!;
    await page.bringToFront();
    const baseField = page.getByRole('textbox', { name: 'Base URL' });
    await baseField.fill('not a url');
    await baseField.blur();
    await expect.poll(() => baseField.getAttribute('aria-invalid')).toBe('true');
    expect((await fieldState(baseField)).descriptions[0]).toMatch(/not a valid URL/);
    expect(await page.getByRole('button', { name: 'Reset to default' }).isEnabled()).toBe(true);
    // The stored setting keeps the last valid value.
    const { local } = await readExtensionStorage(page);
    expect(storedActiveProfile(local)?.baseUrl).toBe(session.baseUrl);

    session.mock.clearRequests();
    await submitChatId(page, okChat());
    await expect.poll(() => baseField.getAttribute('aria-invalid')).toBe('true');

    await configure(page, { baseUrl: session.baseUrl });
    expect(await baseField.getAttribute('aria-invalid')).toBeNull();
    await expectOnlySentinelWasSent(page);
  });
});
