/**
 * Page traffic (issue 15): DevTools open on a loopback page that fetches the mock's Linq errors. The extension's
 * DevTools page captures them; the Linq panel (opened as a tab on the same inspected tab, `?inspect=<tabId>`)
 * shows them decoded in its Page traffic view, with doc links; a non-Linq request is left out; the key the page
 * sent is nowhere: not in the captured entries, the panel's text or the extension's storage. A reload captures
 * requests made at load. The capture is also read straight from the tab's channel, as the panel does.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { chatIdForCode } from '../mock-linq/scenarios.ts';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { launchExtension, type LaunchedExtension } from './harness/launch.ts';
import { PageErrors } from './harness/page-errors.ts';
import { readExtensionStorage } from './harness/storage.ts';
import { tabIdOf, trafficSnapshot, type TrafficSnapshot } from './harness/traffic-snapshot.ts';
import { waitUntil } from './harness/wait.ts';

const KEY = `sk_e2e_pagetraffic_${Math.random().toString(36).slice(2, 12)}`;
const DOCS = 'https://docs.linqapp.com/';

let mock: MockLinq;
let extension: LaunchedExtension;
let demo: Page;
let reader: Page;
let panel: Page;
let tabId: number;
const errors = new PageErrors();

type Snapshot = TrafficSnapshot;

/** What the DevTools page holds, asked for from another extension page (as the panel asks). */
const snapshot = (): Promise<Snapshot> => trafficSnapshot(reader, tabId);

async function snapshotUntil(check: (held: Snapshot) => boolean, message: string): Promise<Snapshot> {
  let held: Snapshot = { entries: [], navigations: [] };
  await waitUntil(async () => check((held = await snapshot())), { timeout: 15_000, interval: 250, message });
  return held;
}

const typingPathOf = (code: number) => `/api/partner/v3/chats/${chatIdForCode(code)}/typing`;
/** The requests the demo fires at load with ?fire=2005: keyless, so 401. */
const firedAtLoad = (held: Snapshot) =>
  held.entries.filter((entry) => entry.path === typingPathOf(2005) && entry.status === 401);
const entryFor = (held: Snapshot, code: number) => held.entries.find((entry) => entry.path === typingPathOf(code));

beforeAll(async () => {
  mock = await startMockLinq({});
  extension = await launchExtension({ devtools: true });
  demo = extension.context.pages()[0] ?? (await extension.context.newPage());
  errors.watch(demo);
  await demo.goto(`${mock.url}/demo`);
  tabId = await tabIdOf(extension, demo);
  reader = await extension.context.newPage();
  errors.watch(reader);
  await reader.goto(`chrome-extension://${extension.extensionId}/src/popup/index.html`);
  // The DevTools page answers: it is capturing before the first click.
  await snapshot();
});

afterEach(() => errors.assertNone());

afterAll(async () => {
  await extension?.close();
  await mock?.close();
});

describe('DevTools open on a page that calls the mock', () => {
  test("captures the page's Linq errors decoded, leaves out a non-Linq request, and holds no key", async () => {
    await demo.getByLabel('API key').fill(KEY);
    for (const name of [/^403\/2005 /, /^400\/1002 /, /^200 JSON that is not Linq/]) {
      await demo.getByRole('button', { name }).click();
    }
    await demo.waitForFunction(() => document.querySelectorAll('#answers li').length === 3);

    const held = await snapshotUntil(
      (now) => entryFor(now, 2005) !== undefined && entryFor(now, 1002) !== undefined,
      'the 2005 and 1002 requests were not captured',
    );
    for (const [code, status] of [
      [2005, 403],
      [1002, 400],
    ] as const) {
      const entry = entryFor(held, code)!;
      expect(entry.source).toEqual({ kind: 'page' });
      expect(entry.method).toBe('DELETE');
      expect(entry.status).toBe(status);
      expect(entry.outcome.kind).toBe('linq_error');
      expect(entry.outcome.code).toBe(code);
      expect(entry.outcome.meaning).toBeTruthy();
      expect(entry.outcome.docUrl?.startsWith(DOCS)).toBe(true);
      const authorization = entry.requestHeaders.find(([name]) => name.toLowerCase() === 'authorization');
      expect(authorization?.[1]).toMatch(/^Bearer (?!sk_e2e)/);
    }
    expect(held.entries.filter((entry) => entry.path === '/demo/health')).toEqual([]);
    expect(JSON.stringify(held)).not.toContain(KEY);

    // The panel, opened as a tab on the demo tab, shows the same entries in its Page traffic view.
    panel = await extension.context.newPage();
    errors.watch(panel);
    await panel.goto(
      `chrome-extension://${extension.extensionId}/src/devtools/panel.html?inspect=${tabId}#view=traffic`,
    );
    await panel.getByRole('tab', { name: 'Page traffic' }).click();
    const table = panel.getByRole('listbox', { name: 'Page traffic entries' });
    for (const code of [2005, 1002]) {
      const row = table.getByRole('option', { name: new RegExp(`Code and meaning page ${code} `) });
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await row.click();
      const details = panel.getByRole('region', { name: 'Traffic entry details' });
      const href = await details.getByRole('link', { name: `Documentation for ${code}` }).getAttribute('href');
      expect(href?.startsWith(DOCS)).toBe(true);
      await expect.poll(() => details.innerText()).toContain('From the inspected page');
    }
    expect(await table.getByRole('option', { name: /\/demo\/health/ }).count()).toBe(0);

    for (const page of [panel, reader]) {
      expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(KEY);
      expect(JSON.stringify(await readExtensionStorage(page))).not.toContain(KEY);
    }
    // The demo page itself never writes the key: it is only in its field.
    expect(await demo.evaluate(() => document.body.innerText)).not.toContain(KEY);
  });

  test('a reload captures requests made at load, with the navigation marked', async () => {
    const before = firedAtLoad(await snapshot()).length;
    await demo.goto(`${mock.url}/demo?fire=2005`);
    await demo.waitForFunction(() => document.querySelectorAll('#answers li').length === 1);
    // DevTools hands over a body after the request ends; a page reloaded before that has lost it (the full suite
    // on a loaded machine did once), and this entry is known as Linq's only by its body. So: kept, then reload.
    await snapshotUntil((now) => firedAtLoad(now).length === before + 1, 'the first load was not captured');
    await demo.reload();
    await demo.waitForFunction(() => document.querySelectorAll('#answers li').length === 1);
    const held = await snapshotUntil(
      (now) => firedAtLoad(now).length === before + 2,
      'the requests made at load were not captured',
    );
    for (const entry of firedAtLoad(held)) {
      // The field is empty at load, so no key goes: the mock answers 401/2004, decoded.
      expect(entry.outcome.code).toBe(2004);
      expect(entry.outcome.docUrl?.startsWith(DOCS)).toBe(true);
    }
    expect(
      held.navigations.filter((navigation) => navigation.url.endsWith('/demo?fire=2005')).length,
    ).toBeGreaterThanOrEqual(2);
    // The panel follows them as they come.
    await panel
      .getByRole('listbox', { name: 'Page traffic entries' })
      .getByRole('option', { name: /Code and meaning page 2004 / })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    expect(JSON.stringify(held)).not.toContain(KEY);
  });
});
