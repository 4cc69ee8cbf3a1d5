/**
 * Environments (issue 6, item 1): the "Environment" radio group, one-click switching that swaps the Base URL
 * and the key to that environment's own, requests going where the active environment points with its key,
 * custom environments (add, rename, delete), per-environment "Remember key", and a host the extension may
 * not reach ("Grant access"), to which nothing is sent.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { okChat } from './harness/chat-ids.ts';
import { configure } from './harness/configure.ts';
import {
  environmentGroup,
  environmentNames,
  environmentRadio,
  expectEnvironmentShown,
  headerEnvironment,
  switchEnvironment,
} from './harness/environments.ts';
import { fieldState } from './harness/field-message.ts';
import { fire, historyItems, statusLabelOf } from './harness/history.ts';
import { readHistoryDb } from './harness/history-db.ts';
import { extensionWorker, readBadge, resetBadge, runQuickStop } from './harness/service-worker.ts';
import { useExtensionSession } from './harness/session.ts';
import { readExtensionStorage } from './harness/storage.ts';
import { keyIn, storedSettings } from './harness/stored.ts';
import { openView } from './harness/views.ts';

const PRODUCTION_URL = 'https://api.linqapp.com/api/partner';
const LOCAL_MOCK_URL = 'http://127.0.0.1:4010';
const NO_ACCESS_URL = 'https://staging.example.com/api';
const KEY = {
  production: 'sk_env_production_1',
  local: 'sk_env_local_2',
  staging: 'sk_env_staging_3',
  denied: 'sk_env_denied_4',
};

let popup: Page;
let panel: Page;
/** The generated ID of the custom environment renamed "Staging mock". */
let stagingId: string;
let stagingUrl: string;

const session = useExtensionSession({
  async setUp() {
    stagingUrl = `${session.mock.url}/staging`;
    popup = await openView(session.extension, 'popup', { errors: session.errors });
    panel = await openView(session.extension, 'panel', { errors: session.errors });
    await popup.bringToFront();
  },
});

/** The `apiKey.<environment ID>` slots of one storage area, by environment ID. */
function keysIn(area: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(area)
      .filter(([name, value]) => name.startsWith('apiKey.') && typeof value === 'string')
      .map(([name, value]) => [name.slice('apiKey.'.length), value as string]),
  );
}

/** The key slots of both storage areas. */
async function keySlots(page: Page): Promise<{ session: Record<string, string>; local: Record<string, string> }> {
  const { local, session: memory } = await readExtensionStorage(page);
  return { session: keysIn(memory), local: keysIn(local) };
}

async function storedProfiles(page: Page) {
  return storedSettings((await readExtensionStorage(page)).local).profiles ?? [];
}

describe('Environments', () => {
  test('the "Environment" radio group lists Production and Local mock; the header names the active one', async () => {
    expect(await environmentGroup(popup).isVisible()).toBe(true);
    expect(await environmentNames(popup)).toEqual(['Production', 'Local mock']);
    await expectEnvironmentShown(popup, 'Production', { baseUrl: PRODUCTION_URL, apiKey: '' });
    expect(await environmentRadio(popup, 'Local mock').isChecked()).toBe(false);
    expect(await headerEnvironment(panel)).toBe('Environment: Production');
    // Built-in environments can be neither renamed nor deleted.
    expect(await popup.getByRole('textbox', { name: 'Environment name' }).count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Delete environment' }).count()).toBe(0);

    await configure(popup, { apiKey: KEY.production });
    expect(await keySlots(popup)).toEqual({ session: { production: KEY.production }, local: {} });
  });

  test('one click on "Local mock" swaps Base URL and key to its own; requests use its URL and key', async () => {
    await switchEnvironment(popup, 'Local mock', { baseUrl: LOCAL_MOCK_URL, apiKey: '' });
    // Every open view follows, live.
    await expect.poll(() => headerEnvironment(panel)).toBe('Environment: Local mock');
    expect(await environmentRadio(panel, 'Local mock').isChecked()).toBe(true);

    await configure(popup, { baseUrl: session.baseUrl, apiKey: KEY.local });
    session.mock.clearRequests();
    const chatId = okChat();
    const item = await fire(popup, chatId);
    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(session.mock.requests).toHaveLength(1);
    expect(session.mock.requests[0]).toMatchObject({
      method: 'DELETE',
      path: `/api/partner/v3/chats/${chatId}/typing`,
      authorization: `Bearer ${KEY.local}`,
    });

    // Each environment keeps its own key and Base URL.
    expect(await keySlots(popup)).toEqual({ session: { production: KEY.production, local: KEY.local }, local: {} });
    const profiles = await storedProfiles(popup);
    expect(profiles.find((profile) => profile.id === 'production')?.baseUrl).toBe(PRODUCTION_URL);
    expect(profiles.find((profile) => profile.id === 'local')?.baseUrl).toBe(session.baseUrl);

    await switchEnvironment(popup, 'Production', { baseUrl: PRODUCTION_URL, apiKey: KEY.production });
    await switchEnvironment(popup, 'Local mock', { baseUrl: session.baseUrl, apiKey: KEY.local });
  });

  test('"Add environment" adds "Custom 1"; "Environment name" renames it; its requests go to its own URL with its key', async () => {
    await popup.getByRole('button', { name: 'Add environment' }).click();
    await expectEnvironmentShown(popup, 'Custom 1', { baseUrl: '', apiKey: '' });
    expect(await environmentNames(popup)).toEqual(['Production', 'Local mock', 'Custom 1']);
    await expect
      .poll(async () => (await storedProfiles(popup)).map((profile) => profile.name))
      .toEqual(['Production', 'Local mock', 'Custom 1']);
    const settings = storedSettings((await readExtensionStorage(popup)).local);
    stagingId = settings.activeProfileId!;
    expect(stagingId).toMatch(/^custom-/);

    const name = popup.getByRole('textbox', { name: 'Environment name' });
    expect(await name.inputValue()).toBe('Custom 1');
    // A name another environment has (in any case) is refused beside the field, and not stored.
    await name.fill('local MOCK');
    expect(await fieldState(name)).toMatchObject({
      invalid: 'true',
      descriptions: ['Another environment already has this name.'],
    });
    await name.fill('Staging mock');
    expect((await fieldState(name)).invalid).toBeNull();
    await expect.poll(() => headerEnvironment(popup)).toBe('Environment: Staging mock');
    expect(await environmentRadio(popup, 'Staging mock').isChecked()).toBe(true);
    await expect.poll(() => headerEnvironment(panel)).toBe('Environment: Staging mock');
    await expect
      .poll(async () => (await storedProfiles(popup)).find((profile) => profile.id === stagingId)?.name)
      .toBe('Staging mock');

    await configure(popup, { baseUrl: stagingUrl, apiKey: KEY.staging });
    session.mock.clearRequests();
    const chatId = okChat();
    const item = await fire(popup, chatId);
    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(session.mock.requests.map(({ method, path, authorization }) => ({ method, path, authorization }))).toEqual([
      { method: 'DELETE', path: `/staging/v3/chats/${chatId}/typing`, authorization: `Bearer ${KEY.staging}` },
    ]);
    const stored = (await readHistoryDb(popup)).find((entry) => entry.chatId === chatId) as unknown as {
      profileName?: string;
    };
    expect(stored.profileName).toBe('Staging mock');

    expect(await keySlots(popup)).toEqual({
      session: { production: KEY.production, local: KEY.local, [stagingId]: KEY.staging },
      local: {},
    });
    // Switching back and forth is one click each way and brings each environment's own values.
    await switchEnvironment(popup, 'Local mock', { baseUrl: session.baseUrl, apiKey: KEY.local });
    await switchEnvironment(popup, 'Staging mock', { baseUrl: stagingUrl, apiKey: KEY.staging });
  });

  test('"Remember key on this device" moves only the active environment’s key to storage.local, and back', async () => {
    const remember = popup.getByRole('checkbox', { name: 'Remember key on this device' });
    expect(await remember.isChecked()).toBe(false);
    await remember.check();
    await expect
      .poll(() => keySlots(popup))
      .toEqual({
        session: { production: KEY.production, local: KEY.local },
        local: { [stagingId]: KEY.staging },
      });
    await expect
      .poll(async () => (await storedProfiles(popup)).find((profile) => profile.id === stagingId)?.rememberKey)
      .toBe(true);
    expect(await popup.getByText('Warning: the key is stored unencrypted').isVisible()).toBe(true);

    // The choice belongs to the environment: Local mock still keeps its key in memory only.
    await switchEnvironment(popup, 'Local mock', { baseUrl: session.baseUrl, apiKey: KEY.local });
    expect(await remember.isChecked()).toBe(false);
    await switchEnvironment(popup, 'Staging mock', { baseUrl: stagingUrl, apiKey: KEY.staging });
    expect(await remember.isChecked()).toBe(true);

    // A remembered key is still the one sent.
    session.mock.clearRequests();
    await fire(popup, okChat());
    expect(session.mock.requests[0]?.authorization).toBe(`Bearer ${KEY.staging}`);

    await remember.uncheck();
    await expect
      .poll(() => keySlots(popup))
      .toEqual({
        session: { production: KEY.production, local: KEY.local, [stagingId]: KEY.staging },
        local: {},
      });
    // Left ticked, so deleting the environment below must remove an on-disk key.
    await remember.check();
    await expect.poll(async () => (await keySlots(popup)).local).toEqual({ [stagingId]: KEY.staging });
  });

  test('a custom environment on a host without permission shows "Grant access" and sends nothing', async () => {
    await popup.getByRole('button', { name: 'Add environment' }).click();
    await expectEnvironmentShown(popup, 'Custom 1', { baseUrl: '', apiKey: '' });
    await configure(popup, { baseUrl: NO_ACCESS_URL, apiKey: KEY.denied });
    const deniedId = storedSettings((await readExtensionStorage(popup)).local).activeProfileId!;

    const baseUrl = popup.getByRole('textbox', { name: 'Base URL' });
    await expect.poll(() => popup.getByRole('button', { name: 'Grant access' }).isVisible()).toBe(true);
    expect((await fieldState(baseUrl)).descriptions).toContain(
      'The extension has no access to this host yet. Nothing is sent until you grant it.',
    );

    const entriesBefore = (await readHistoryDb(popup)).length;
    const itemsBefore = await historyItems(popup).count();
    session.mock.clearRequests();
    const chatId = okChat();
    await popup.getByRole('textbox', { name: 'Chat ID' }).fill(chatId);
    const refusal = 'The extension has no access to staging.example.com. Use "Grant access" first.';
    await popup.getByRole('button', { name: 'Stop typing', exact: true }).click();
    await expect.poll(async () => (await fieldState(baseUrl)).descriptions).toContain(refusal);
    expect((await fieldState(baseUrl)).invalid).toBe('true');
    await popup.getByRole('button', { name: 'Start typing', exact: true }).click();
    await popup.getByRole('button', { name: /^Start, then stop after/ }).click();

    // The worker refuses it too, for a request that does not come through this view's check.
    const reply = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'typing.stop', chatId: id }), chatId);
    expect(reply).toEqual({ ok: false, field: 'baseUrl', message: refusal });
    // And so does the context-menu handler, which has no view at all.
    const worker = await extensionWorker(session.extension, popup);
    await resetBadge(worker);
    await runQuickStop(worker, 'stopSelectedChat', `chat ${chatId} here`);
    expect(await readBadge(worker)).toMatchObject({ text: '!', title: `Linq Typing Inspector: not sent. ${refusal}` });

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.mock.requests).toEqual([]);
    expect((await readHistoryDb(popup)).length).toBe(entriesBefore);
    expect(await historyItems(popup).count()).toBe(itemsBefore);
    expect((await readExtensionStorage(popup)).local[`lastChatId.${deniedId}`]).toBeUndefined();
    expect(await popup.getByRole('region', { name: 'Latest result' }).textContent()).not.toContain(chatId);
  });

  test('"Delete environment" removes it and its key (from either area); Production becomes active', async () => {
    const deniedId = storedSettings((await readExtensionStorage(popup)).local).activeProfileId!;
    await popup.getByRole('button', { name: 'Delete environment' }).click();
    await expectEnvironmentShown(popup, 'Production', { baseUrl: PRODUCTION_URL, apiKey: KEY.production });
    expect(await environmentNames(popup)).toEqual(['Production', 'Local mock', 'Staging mock']);
    await expect
      .poll(async () => (await storedProfiles(popup)).map((profile) => profile.id))
      .toEqual(['production', 'local', stagingId]);
    await expect.poll(async () => (await keySlots(popup)).session[deniedId]).toBeUndefined();

    await switchEnvironment(popup, 'Staging mock', { baseUrl: stagingUrl, apiKey: KEY.staging });
    await popup.getByRole('button', { name: 'Delete environment' }).click();
    await expectEnvironmentShown(popup, 'Production', { baseUrl: PRODUCTION_URL, apiKey: KEY.production });
    await expect.poll(() => headerEnvironment(panel)).toBe('Environment: Production');
    expect(await environmentNames(panel)).toEqual(['Production', 'Local mock']);
    await expect
      .poll(() => keySlots(popup))
      .toEqual({ session: { production: KEY.production, local: KEY.local }, local: {} });
    const { local } = await readExtensionStorage(popup);
    expect(keyIn(local, stagingId)).toBeUndefined();
    expect(storedSettings(local).activeProfileId).toBe('production');
  });
});
