/**
 * Fault injection, bad operator input (issue 3 §2): each bad chat ID, key and base URL gets a clear message
 * beside its field (aria-invalid="true" + aria-describedby), and nothing is sent: the mock's request count and
 * the stored history stay as they were, and the browser saw no request to the Linq API either.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { okChat } from '../harness/chat-ids.ts';
import { configure } from '../harness/configure.ts';
import { fieldState } from '../harness/field-message.ts';
import { fire, statusLabelOf, submitChatId } from '../harness/history.ts';
import { readExtensionStorage } from '../harness/storage.ts';
import { keyIn, storedActiveProfile } from '../harness/stored.ts';
import { openView } from '../harness/views.ts';
import { readHistoryDb } from './lib/db.ts';
import { defineSecretsSweep, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault, type FaultMeta } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews } from './lib/secrets.ts';

let popup: Page;
let panel: Page;

const session = useFaultSession({
  firstView: 'panel',
  async setUp() {
    panel = session.first;
    popup = await openView(session.extension, 'popup');
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY });
    // One real request first, so "nothing was sent" below is measured against a worker that does send.
    await fireValid(popup);
  },
});

interface Snapshot {
  mock: number;
  browser: number;
  stored: number;
}

/** What would change if anything were sent: the mock's log, the browser's requests to it, the history. */
async function snapshot(page: Page): Promise<Snapshot> {
  return {
    mock: session.mock.requests.length,
    browser: session.observer.requests.filter((request) => !request.url.startsWith('chrome')).length,
    stored: (await readHistoryDb(page)).length,
  };
}

/**
 * Checks that nothing was sent since `before`. The views refuse bad input synchronously, so a short wait is
 * enough here; the file's last check (every request the mock ever saw was a valid one) closes the gap.
 */
async function expectNothingSent(page: Page, before: Snapshot): Promise<void> {
  await page.waitForTimeout(50);
  expect(await snapshot(page)).toEqual(before);
}

/** Every chat ID this file sent on purpose (all valid, with the fault key and the mock's base URL). */
const validFires: string[] = [];

async function fireValid(page: Page): Promise<void> {
  const chatId = okChat();
  validFires.push(chatId);
  expect(await statusLabelOf(await fire(page, chatId))).toBe('204 Success');
}

/** aria-invalid="true", and a visible message whose text matches, tied to the field by aria-describedby. */
async function expectFieldMessage(page: Page, name: string, message: RegExp): Promise<string> {
  const field = page.getByRole('textbox', { name });
  await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: 3_000 }).toBe('true');
  const state = await fieldState(field);
  const index = state.descriptions.findIndex((text) => text !== null && message.test(text));
  expect(state.descriptions, `messages of ${name}`).toContainEqual(expect.stringMatching(message));
  expect(state.visible[index]).toBe(true);
  return state.descriptions[index]!;
}

async function finish(meta: FaultMeta, pages: Page[]): Promise<void> {
  const leaks = await leaksInViews(pages);
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  handled(meta);
}

const UUID = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

const CHAT_IDS: Array<{ name: string; input: string; message: RegExp; view?: 'panel' }> = [
  { name: 'a path with slashes', input: `${UUID}/../../v3/chats`, message: /contains a slash/ },
  { name: 'a backslash', input: `..\\${UUID}`, message: /contains a backslash/ },
  { name: 'dots instead of dashes', input: UUID.replaceAll('-', '.'), message: /contains a dot/ },
  { name: 'a dot-dot segment', input: '..', message: /contains a dot/ },
  { name: 'a percent-encoded slash', input: `${UUID}%2Ftyping`, message: /percent sign/ },
  { name: 'a percent-encoded dot-dot', input: '%2E%2E', message: /percent sign/ },
  { name: 'a query', input: `${UUID}?force=1`, message: /question mark/ },
  { name: 'a fragment', input: `${UUID}#x`, message: /contains a hash/ },
  { name: 'whitespace only', input: ' \t  ', message: /^Enter a chat ID\.$/ },
  { name: 'a space inside', input: `${UUID.slice(0, 8)} ${UUID.slice(9)}`, message: /space or other whitespace/ },
  { name: '10,000 characters', input: 'a'.repeat(10_000), message: /36-character UUID .*10000 characters/ },
  { name: 'a Cyrillic look-alike "а"', input: `1b4e28b\u0430${UUID.slice(8)}`, message: /non-ASCII character/ },
  { name: 'a hyphen look-alike U+2010', input: UUID.replace('-', '\u2010'), message: /non-ASCII character/ },
  { name: 'a fullwidth digit', input: `\uff11${UUID.slice(1)}`, message: /non-ASCII character/ },
  { name: 'a NUL', input: `${UUID}\u0000`, message: /control character/ },
  {
    name: 'a NUL (panel, by Enter)',
    input: `${UUID.slice(0, 10)}\u0000${UUID.slice(10)}`,
    message: /control character/,
    view: 'panel',
  },
  {
    name: '10,000 characters (panel, by Enter)',
    input: '0'.repeat(10_000),
    message: /10000 characters/,
    view: 'panel',
  },
];

describe('chat-id input', () => {
  test.for(CHAT_IDS)('$name', async ({ input, message, view }, { task }) => {
    const meta = recordFault(task, 'chat-id input');
    const page = view === 'panel' ? panel : popup;
    const before = await snapshot(page);
    await submitChatId(page, input, view === 'panel' ? 'enter' : 'click');
    await expectFieldMessage(page, 'Chat ID', message);
    // Only the chat ID is at fault.
    expect(await page.getByRole('textbox', { name: 'API key' }).getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByRole('textbox', { name: 'Base URL' }).getAttribute('aria-invalid')).toBeNull();
    await expectNothingSent(page, before);
    // Editing clears the mark.
    await page.getByRole('textbox', { name: 'Chat ID' }).fill(UUID.slice(0, 4));
    expect(await page.getByRole('textbox', { name: 'Chat ID' }).getAttribute('aria-invalid')).toBeNull();
    await finish(meta, [page]);
  });
});

/** Types a key as an operator would (the field never keeps CR/LF) and waits until it is stored. */
async function typeKey(page: Page, typed: string): Promise<void> {
  await page.bringToFront();
  const field = page.getByRole('textbox', { name: 'API key' });
  await field.fill(typed);
  await field.blur();
  const shown = await field.inputValue();
  expect(shown).not.toMatch(/[\r\n]/);
  await expect
    .poll(async () => keyIn((await readExtensionStorage(page)).session), { timeout: 3_000 })
    .toBe(shown.trim());
}

describe('key input', () => {
  const KEYS: Array<{ name: string; typed: string; message: RegExp }> = [
    // A single-line input cannot hold CR or LF: Chromium turns the pasted "key\r\nX-Injected: 1" into
    // "key X-Injected: 1", which still cannot be sent (it has a space).
    {
      name: 'CR/LF header injection, typed',
      typed: `${FAULT_KEY}\r\nX-Injected: 1`,
      message: /contains a (space|line break)/,
    },
    { name: 'non-ASCII letters', typed: `${FAULT_KEY}_\u043a\u043b\u044e\u0447`, message: /outside printable ASCII/ },
    { name: 'an accented letter', typed: `${FAULT_KEY}\u00e9`, message: /outside printable ASCII/ },
    { name: 'a no-break space', typed: `Bearer\u00a0${FAULT_KEY}`, message: /contains a space/ },
    { name: 'a zero-width space', typed: `${FAULT_KEY}\u200b`, message: /outside printable ASCII/ },
  ];

  test.for(KEYS)('$name', async ({ typed, message }, { task }) => {
    const meta = recordFault(task, 'key input');
    await typeKey(popup, typed);
    const before = await snapshot(popup);
    await submitChatId(popup, okChat());
    const shown = await expectFieldMessage(popup, 'API key', message);
    expect(shown).not.toContain(FAULT_KEY);
    expect(await popup.getByRole('textbox', { name: 'Chat ID' }).getAttribute('aria-invalid')).toBeNull();
    await expectNothingSent(popup, before);
    await configure(popup, { apiKey: FAULT_KEY });
    expect(await popup.getByRole('textbox', { name: 'API key' }).getAttribute('aria-invalid')).toBeNull();
    await finish(meta, [popup]);
  });

  test('a key with CR/LF that reached storage (no field can hold one) is refused by the view and by the worker', async ({
    task,
  }) => {
    const meta = recordFault(task, 'key input');
    const injected = `${FAULT_KEY}\r\nX-Injected: 1`;
    await popup.evaluate((key) => chrome.storage.session.set({ 'apiKey.production': key }), injected);
    const before = await snapshot(popup);

    // The views pick the stored key up; firing is refused beside "API key".
    await submitChatId(popup, okChat());
    const shown = await expectFieldMessage(popup, 'API key', /line break/);
    expect(shown).not.toContain(FAULT_KEY);
    // The worker checks again on its own: a message that bypasses the view is refused the same way.
    const reply = await popup.evaluate(
      (chatId) => chrome.runtime.sendMessage({ type: 'typing.stop', chatId }),
      okChat(),
    );
    expect(reply).toMatchObject({ ok: false, field: 'apiKey', message: expect.stringMatching(/line break/) });
    expect(JSON.stringify(reply)).not.toContain(FAULT_KEY);
    await expectNothingSent(popup, before);

    await configure(popup, { apiKey: FAULT_KEY });
    await finish(meta, [popup, panel]);
  });
});

/** The mock's port, for base URLs that should reach it were they not refused. */
function port(): string {
  return new URL(session.mock.url).port;
}

describe('base-url input', () => {
  const URLS: Array<{ name: string; url: () => string; message: RegExp }> = [
    { name: 'ftp:', url: () => `ftp://127.0.0.1:${port()}/api/partner`, message: /Only http and https/ },
    {
      name: 'javascript:',
      url: () => 'javascript:alert(document.domain)//api/partner',
      message: /Only http and https/,
    },
    { name: 'file:', url: () => 'file:///etc/passwd', message: /Only http and https/ },
    {
      name: 'credentials',
      url: () => `http://operator:hunter2@127.0.0.1:${port()}/api/partner`,
      message: /user name and password/,
    },
    { name: 'a query', url: () => `${session.baseUrl}?debug=1`, message: /Remove the query/ },
    { name: 'a fragment', url: () => `${session.baseUrl}#v3`, message: /Remove the fragment/ },
    { name: 'malformed: an unclosed IPv6 host', url: () => 'http://[::1/api/partner', message: /not a valid URL/ },
    {
      name: 'malformed: no scheme',
      url: () => `127.0.0.1:${port()}/api/partner`,
      message: /not a valid URL|Only http and https/,
    },
    { name: 'malformed: no host', url: () => 'http://', message: /not a valid URL/ },
    {
      name: 'malformed: an impossible IPv4 host',
      url: () => `http://256.256.256.256:${port()}/api/partner`,
      message: /not a valid URL/,
    },
    // Plain http would send the key in clear text: only this computer may be reached that way.
    {
      name: 'plain http to a remote host',
      url: () => 'http://api.linqapp.com/api/partner',
      message: /plain http sends the API key unencrypted/,
    },
    {
      name: 'plain http to a LAN address',
      url: () => `http://192.168.1.20:${port()}/api/partner`,
      message: /unencrypted/,
    },
    // A wildcard host was accepted, and "Grant access" then asked for every site.
    { name: 'a wildcard host', url: () => 'https://*/api/partner', message: /"\*" is not a host name/ },
    { name: 'a wildcard subdomain', url: () => 'https://*.linqapp.com/api/partner', message: /is not a host name/ },
    {
      name: 'an underscore in the host',
      url: () => 'https://api_staging.linqapp.com/api/partner',
      message: /is not a host name/,
    },
  ];

  test.for(URLS)('$name', async ({ url, message }, { task }) => {
    const meta = recordFault(task, 'base-url input');
    await popup.bringToFront();
    const field = popup.getByRole('textbox', { name: 'Base URL' });
    await field.fill(url());
    await field.blur();
    await expectFieldMessage(popup, 'Base URL', message);
    // Nothing to grant for a refused URL: "Grant access" is not offered.
    expect(await popup.getByRole('button', { name: 'Grant access' }).count()).toBe(0);
    // Only valid values are saved: the stored base URL is still the last good one.
    const { local } = await readExtensionStorage(popup);
    expect(storedActiveProfile(local)?.baseUrl).toBe(session.baseUrl);

    const before = await snapshot(popup);
    await submitChatId(popup, okChat());
    await expectFieldMessage(popup, 'Base URL', message);
    await expectNothingSent(popup, before);

    await configure(popup, { baseUrl: session.baseUrl });
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await finish(meta, [popup]);
  });

  test('an environment saved with plain http to a remote host (before the rule) is refused by the view and the worker', async ({
    task,
  }) => {
    const meta = recordFault(task, 'base-url input');
    const insecure = 'http://api.linqapp.com/api/partner';
    await popup.evaluate(async (baseUrl) => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings: { activeProfileId?: string; profiles: Array<{ id: string; baseUrl: string }> };
      };
      const active = settings.activeProfileId ?? 'production';
      for (const profile of settings.profiles) if (profile.id === active) profile.baseUrl = baseUrl;
      await chrome.storage.local.set({ settings });
    }, insecure);
    await expect.poll(() => popup.getByRole('textbox', { name: 'Base URL' }).inputValue()).toBe(insecure);
    const before = await snapshot(popup);

    await submitChatId(popup, okChat());
    await expectFieldMessage(popup, 'Base URL', /plain http sends the API key unencrypted/);
    expect(await popup.getByRole('button', { name: 'Grant access' }).count()).toBe(0);
    const reply = await popup.evaluate(
      (chatId) => chrome.runtime.sendMessage({ type: 'typing.stop', chatId }),
      okChat(),
    );
    expect(reply).toMatchObject({ ok: false, field: 'baseUrl', message: expect.stringMatching(/unencrypted/) });
    await expectNothingSent(popup, before);
    expect(session.observer.requests.filter((request) => request.url.includes('api.linqapp.com'))).toEqual([]);

    await configure(popup, { baseUrl: session.baseUrl });
    await finish(meta, [popup, panel]);
  });

  test('a host without permission: "Grant access" is offered, nothing is sent', async ({ task }) => {
    const meta = recordFault(task, 'base-url input');
    const staging = 'https://staging.example.com/api';
    await configure(popup, { baseUrl: staging });
    // Valid, so it is saved and shared; the views then learn that the extension may not reach it.
    for (const page of [popup, panel]) {
      await page.getByRole('button', { name: 'Grant access' }).waitFor({ state: 'visible', timeout: 5_000 });
    }
    const field = popup.getByRole('textbox', { name: 'Base URL' });
    const note = await fieldState(field);
    expect(note.descriptions.join(' ')).toMatch(/no access to this host/);

    const before = await snapshot(popup);
    await submitChatId(popup, okChat());
    await expectFieldMessage(popup, 'Base URL', /no access to staging\.example\.com.*Grant access/);
    await expectNothingSent(popup, before);
    // Not even an attempt: the browser saw no request to that host.
    expect(session.observer.requests.filter((request) => request.url.includes('staging.example.com'))).toEqual([]);

    await configure(popup, { baseUrl: session.baseUrl });
    await expect.poll(() => popup.getByRole('button', { name: 'Grant access' }).count()).toBe(0);
    await fireValid(popup);
    await finish(meta, [popup, panel]);
  });
});

test('nothing refused above was ever sent: the mock saw only the valid requests, and the history holds only them', async () => {
  await fireValid(panel);
  expect(session.mock.requests.map((request) => request.chatId)).toEqual(validFires);
  expect(session.mock.requests.map((request) => request.path)).toEqual(
    validFires.map((chatId) => `/api/partner/v3/chats/${chatId}/typing`),
  );
  expect((await readHistoryDb(popup)).map((entry) => entry.chatId).toSorted()).toEqual(validFires.toSorted());
});

defineSecretsSweep(() => ({ session, views: () => [popup, panel] }));
