/**
 * What survives a browser restart (close the browser, launch again on the same profile): the history always;
 * the API key only when "Remember key on this device" was ticked.
 *
 * The tests share one profile and run in order, as three browser runs: (1) a session-only key and some
 * history, (2) after a restart: history kept, key gone; the key is then remembered, (3) after another
 * restart: the remembered key is back.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { linqErrorChat, okChat } from './harness/chat-ids.ts';
import { configure } from './harness/configure.ts';
import { fire, historyItemFor, historyItems, statusLabelOf } from './harness/history.ts';
import { launchExtension, type LaunchedExtension } from './harness/launch.ts';
import { PageErrors } from './harness/page-errors.ts';
import { expectKeyNotInPageText } from './harness/page-text.ts';
import { makeProfileDir, removeProfileDir } from './harness/profile.ts';
import { readExtensionStorage } from './harness/storage.ts';
import { keyIn } from './harness/stored.ts';
import { openView } from './harness/views.ts';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';

const SESSION_KEY = 'sk_session_only_4242';
const REMEMBERED_KEY = 'sk_remembered_7373';

let mock: MockLinq;
let baseUrl: string;
let profileDir: string;
let browser: LaunchedExtension | undefined;
const errors = new PageErrors();
const okId = okChat();

beforeAll(async () => {
  mock = await startMockLinq();
  baseUrl = `${mock.url}/api/partner`;
  profileDir = await makeProfileDir();
});

afterEach(() => errors.assertNone());

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  if (profileDir) await removeProfileDir(profileDir);
});

/** Starts the browser on the shared profile, closing the previous run first: a browser restart. */
async function restart(): Promise<LaunchedExtension> {
  await browser?.close();
  browser = undefined;
  browser = await launchExtension({ profileDir });
  return browser;
}

test('run 1: a key that is not remembered lives in storage.session only', async () => {
  const run = await restart();
  const popup = await openView(run, 'popup', { errors });
  await configure(popup, { baseUrl, apiKey: SESSION_KEY });
  expect(await popup.getByRole('checkbox', { name: 'Remember key on this device' }).isChecked()).toBe(false);
  const { local, session } = await readExtensionStorage(popup);
  expect(keyIn(session)).toBe(SESSION_KEY);
  expect(keyIn(local)).toBeUndefined();

  expect(await statusLabelOf(await fire(popup, okId))).toBe('204 Success');
  expect(await statusLabelOf(await fire(popup, linqErrorChat(2001)))).toBe('404 Linq error');
});

test('run 2: after a restart the history is still there and the unremembered key is gone', async () => {
  const run = await restart();
  const panel = await openView(run, 'panel', { errors });
  const popup = await openView(run, 'popup', { errors });
  for (const view of [panel, popup]) {
    await expect.poll(() => historyItems(view).count()).toBe(2);
    expect(await statusLabelOf(historyItems(view).nth(0))).toBe('404 Linq error');
    expect(await statusLabelOf(historyItemFor(view, okId))).toBe('204 Success');
    expect(await view.getByRole('textbox', { name: 'API key' }).inputValue()).toBe('');
    expect(await view.getByRole('button', { name: 'Forget key' }).isDisabled()).toBe(true);
    expect(await view.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(baseUrl);
  }
  const stored = await readExtensionStorage(panel);
  expect(keyIn(stored.session)).toBeUndefined();
  expect(keyIn(stored.local)).toBeUndefined();
  expect(JSON.stringify(stored)).not.toContain(SESSION_KEY);

  // Now remember a key: it goes to storage.local, with a visible warning.
  await configure(popup, { remember: true, apiKey: REMEMBERED_KEY });
  await popup.getByText('stored unencrypted').waitFor({ state: 'visible' });
  const remembered = await readExtensionStorage(popup);
  expect(keyIn(remembered.local)).toBe(REMEMBERED_KEY);
  expect(keyIn(remembered.session)).toBeUndefined();
});

test('run 3: after another restart the remembered key is back and is the one sent', async () => {
  const run = await restart();
  const popup = await openView(run, 'popup', { errors });
  expect(await popup.getByRole('textbox', { name: 'API key' }).inputValue()).toBe(REMEMBERED_KEY);
  expect(await popup.getByRole('checkbox', { name: 'Remember key on this device' }).isChecked()).toBe(true);
  expect(await historyItems(popup).count()).toBe(2);

  mock.clearRequests();
  expect(await statusLabelOf(await fire(popup, okChat()))).toBe('204 Success');
  expect(mock.requests.map((request) => request.authorization)).toEqual([`Bearer ${REMEMBERED_KEY}`]);
  await expectKeyNotInPageText(popup, REMEMBERED_KEY);

  // Unticking keeps the key usable, but only in memory until the browser closes.
  await configure(popup, { remember: false });
  await expect
    .poll(async () => {
      const { local, session } = await readExtensionStorage(popup);
      return [keyIn(local), keyIn(session)];
    })
    .toEqual([undefined, REMEMBERED_KEY]);
  expect(await popup.getByRole('textbox', { name: 'API key' }).inputValue()).toBe(REMEMBERED_KEY);
});
