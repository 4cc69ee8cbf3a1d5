/**
 * The operator's own hosts for Page traffic (issue 15), in Chromium with DevTools open on the mock's /demo page.
 * The active environment is Production, so the mock's 127.0.0.1:<port> is neither Linq's host nor the
 * environment's, and its health check answers 200 JSON that is no Linq envelope: not listed in Page traffic.
 * Refused text in the settings drawer's field (the Requests view's, here in a second panel tab so the Page traffic
 * view stays open and is not read again from getHAR) saves nothing; once the host is saved there, the same request
 * is listed as it is made. No key is typed anywhere: none is sent or shown.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { runAxe } from './harness/axe.ts';
import { fieldState } from './harness/field-message.ts';
import { launchExtension, type LaunchedExtension } from './harness/launch.ts';
import { PageErrors } from './harness/page-errors.ts';
import { readExtensionStorage } from './harness/storage.ts';
import { tabIdOf, trafficSnapshot } from './harness/traffic-snapshot.ts';
import { waitUntil } from './harness/wait.ts';

const LABEL = 'Page traffic: also capture these hosts';
const HEALTH = /^200 JSON that is not Linq/;
/** The keyless 2005 button: the mock answers 401/2004, an envelope, listed whatever the hosts. */
const KEYLESS = /^403\/2005 /;

let mock: MockLinq;
let extension: LaunchedExtension;
let demo: Page;
let panel: Page;
let settingsPage: Page;
let mockHost: string;
let keylessSent = 0;
const errors = new PageErrors();

const answers = () => demo.locator('#answers li').count();

/** Clicks a demo button and waits for the page to show its answer. */
async function press(name: RegExp) {
  const before = await answers();
  await demo.getByRole('button', { name }).click();
  await demo.waitForFunction((count) => document.querySelectorAll('#answers li').length > count, before);
}

const table = () => panel.getByRole('listbox', { name: 'Page traffic entries' });
const healthRows = () => table().getByRole('option', { name: /\/demo\/health/ });
const keylessRows = () => table().getByRole('option', { name: /Code and meaning page 2004 / });

/**
 * The health check, then a keyless request listed by its envelope: once that is listed, the health check before
 * it has been read, and it was left out.
 */
async function notListed() {
  await press(HEALTH);
  await press(KEYLESS);
  keylessSent += 1;
  await expect.poll(() => keylessRows().count(), { timeout: 15_000 }).toBe(keylessSent);
  expect(await healthRows().count()).toBe(0);
}

async function storedTrafficHosts(): Promise<unknown> {
  const settings = (await readExtensionStorage(settingsPage)).local.settings as { trafficHosts?: unknown } | undefined;
  return settings?.trafficHosts;
}

async function enter(field: Locator, text: string) {
  await field.fill(text);
  // Leaving the field saves it (its change event).
  await field.press('Tab');
}

beforeAll(async () => {
  mock = await startMockLinq({});
  mockHost = new URL(mock.url).host;
  extension = await launchExtension({ devtools: true });
  demo = extension.context.pages()[0] ?? (await extension.context.newPage());
  errors.watch(demo);
  await demo.goto(`${mock.url}/demo`);
  const tabId = await tabIdOf(extension, demo);
  settingsPage = await extension.context.newPage();
  errors.watch(settingsPage);
  await settingsPage.goto(`chrome-extension://${extension.extensionId}/src/devtools/panel.html`);
  // The DevTools page answers: it is capturing before the first click, so each keyless click is one row.
  await trafficSnapshot(settingsPage, tabId);
  panel = await extension.context.newPage();
  errors.watch(panel);
  await panel.goto(`chrome-extension://${extension.extensionId}/src/devtools/panel.html?inspect=${tabId}#view=traffic`);
  await panel.getByRole('tab', { name: 'Page traffic' }).click();
});

afterEach(() => errors.assertNone());

afterAll(async () => {
  await extension?.close();
  await mock?.close();
});

describe("Page traffic and the operator's own hosts", () => {
  test('a request to a host that is not Linq, with no envelope, is listed only once its host is added', async () => {
    await expect.poll(() => settingsPage.getByRole('button', { name: 'Key: none' }).count()).toBe(1);
    expect(await storedTrafficHosts()).toBeUndefined();

    await notListed();

    await settingsPage.getByRole('button', { name: 'Settings', exact: true }).click();
    const field = settingsPage.getByRole('textbox', { name: LABEL });
    await enter(field, `${mockHost}/demo/health`);
    await expect.poll(async () => (await fieldState(field)).invalid).toBe('true');
    const refused = await fieldState(field);
    expect(refused.descriptions[0]).toBe(
      `"${mockHost}/demo/health" has a path: enter the host alone ("${mockHost}"). ` +
        'Every request to that host is captured, whatever its path.',
    );
    expect(refused.visible[0]).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await settingsPage.emulateMedia({ colorScheme: scheme });
      const report = await runAxe(settingsPage, `settings drawer with a refused host (${scheme})`);
      expect(report.violations, `axe found:\n${report.violations.join('\n')}`).toEqual([]);
    }
    await settingsPage.emulateMedia({ colorScheme: 'light' });
    expect(await storedTrafficHosts()).toBeUndefined();
    await notListed();

    await enter(field, `${mockHost.toUpperCase()}, ${mockHost}`);
    await expect.poll(storedTrafficHosts).toEqual([mockHost]);
    expect(await field.inputValue()).toBe(mockHost);
    expect((await fieldState(field)).invalid).toBeNull();
    await expect.poll(() => settingsPage.getByRole('status').filter({ hasText: 'Saved: 1 host.' }).count()).toBe(1);

    // The DevTools page follows the settings: the same request is listed now.
    await waitUntil(
      async () => {
        await press(HEALTH);
        return (await healthRows().count()) > 0;
      },
      { timeout: 15_000, interval: 1000, message: 'the health check was not listed after its host was added' },
    );
    await healthRows().first().click();
    const details = panel.getByRole('region', { name: 'Traffic entry details' });
    await expect.poll(() => details.innerText()).toContain('From the inspected page');
    await expect.poll(() => details.innerText()).toContain('/demo/health');

    // No key was typed: none went out, and the panel still has none.
    expect(await demo.getByLabel('API key').inputValue()).toBe('');
    expect(await settingsPage.getByRole('button', { name: 'Key: none' }).count()).toBe(1);
  });
});
