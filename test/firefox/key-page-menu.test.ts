/**
 * Firefox lets content scripts read storage.local, so its build never holds a remembered key while the page
 * menu is on: each is refused, with its reason beside the control, while the other is on, and nothing changes.
 * Optional permissions are granted without a prompt here (extensions.webextOptionalPermissionPrompts=false), as
 * an operator's "Allow" would.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { waitUntil } from '../e2e/harness/wait.ts';
import { PAGE_SCRIPT } from '../../src/core/page-script.ts';
import { byRoleAndName, launchFirefox, openView, type FirefoxSession } from './harness/firefox.ts';
import { readExtensionStorage } from '../e2e/harness/storage.ts';
import { configure } from './harness/views.ts';

let mock: MockLinq;
let firefox: FirefoxSession;
let panel: Page;
const apiKey = `sk_firefox_${Math.random().toString(36).slice(2, 12)}`;
const KEY_SLOT = 'apiKey.production';

const text = (page: Page) => page.evaluate(() => document.body.innerText);
const rememberBox = () => byRoleAndName(panel, 'checkbox', 'Remember key on this device');
const isChecked = async () => (await rememberBox()).evaluate((box) => (box as HTMLInputElement).checked);
const allSites = () => panel.evaluate(() => chrome.permissions.contains({ origins: ['https://*/*', 'http://*/*'] }));
const registeredScripts = () =>
  panel.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id));

async function until(probe: () => Promise<boolean>, message: string): Promise<void> {
  await waitUntil(probe, { timeout: 10_000, message });
}

beforeAll(async () => {
  mock = await startMockLinq();
  firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  panel = await openView(firefox.browser, 'panel');
  await configure(panel, { baseUrl: `${mock.url}/api/partner`, apiKey });
});

afterAll(async () => {
  await Promise.allSettled([firefox?.close(), mock?.close()]);
});

describe('Firefox: a remembered key and the page menu never together', () => {
  test('with a key remembered, Turn on page menu is refused with its reason, and nothing is asked', async () => {
    await (await rememberBox()).click();
    await until(
      async () => (await readExtensionStorage(panel)).local[KEY_SLOT] === apiKey,
      'the key was not remembered',
    );

    // The switch speaks of the browser it runs in.
    expect(await text(panel)).toContain('Firefox will ask for access to all websites');
    expect(await text(panel)).not.toContain('Chrome');
    await (await byRoleAndName(panel, 'button', 'Turn on page menu')).click();
    await until(async () => (await text(panel)).includes('Not turned on: in Firefox'), 'no refusal shown');
    expect(await text(panel)).toContain('Untick \u201cRemember key on this device\u201d in every environment first.');
    expect(await allSites()).toBe(false);
    expect(await registeredScripts()).toEqual([]);
  });

  test('with the key in memory only, the page menu turns on and its script is registered', async () => {
    await (await rememberBox()).click();
    await until(async () => {
      const { local, session } = await readExtensionStorage(panel);
      return !(KEY_SLOT in local) && session[KEY_SLOT] === apiKey;
    }, 'the key did not move back to memory');

    await (await byRoleAndName(panel, 'button', 'Turn on page menu')).click();
    await byRoleAndName(panel, 'button', 'Turn off page menu');
    expect(await allSites()).toBe(true);
    await until(async () => (await registeredScripts()).includes(PAGE_SCRIPT.id), 'the page script was not registered');
  });

  test('with the page menu on, Remember key is refused beside the key: the box stays unticked, the key in memory', async () => {
    await (await rememberBox()).click();
    await until(async () => (await text(panel)).includes('Not remembered: in Firefox'), 'no refusal shown');
    expect(await text(panel)).toContain('Turn off the page menu (Settings) first.');
    await until(async () => !(await isChecked()), 'the box stayed ticked');
    const { local, session } = await readExtensionStorage(panel);
    expect(JSON.stringify(local)).not.toContain(apiKey);
    expect(session[KEY_SLOT]).toBe(apiKey);
    expect(await registeredScripts()).toEqual([PAGE_SCRIPT.id]);
  });
});
