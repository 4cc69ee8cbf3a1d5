/**
 * Page traffic's filters and exports (issue 15), in the real panel: DevTools open on the mock's demo page, which
 * sends its Linq errors with a key in Authorization; the panel, opened as a tab on that tab (`?inspect=<tabId>`),
 * shows them beside a HAR file's success and 502. The Outcome and Code family menus (the request history's)
 * narrow the rows and the count; Export JSON and Export HAR download what they show, decoded, with no key and no
 * Authorization value.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { TrafficExport } from '../../src/core/traffic/traffic-export.ts';
import { harText, makeHarDir, type HarDir } from './harness/har-files.ts';
import { setFilterBox } from './harness/history-search.ts';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { launchExtension, type LaunchedExtension } from './harness/launch.ts';
import { PageErrors } from './harness/page-errors.ts';
import { tabIdOf, trafficSnapshot } from './harness/traffic-snapshot.ts';
import { downloadText } from './harness/transfer.ts';

const KEY = `sk_e2e_traffictools_${Math.random().toString(36).slice(2, 12)}`;
const LINQ = 'https://api.linqapp.com/api/partner/v3/chats';

let mock: MockLinq;
let extension: LaunchedExtension;
let files: HarDir;
let panel: Page;
const errors = new PageErrors();

const region = () => panel.getByRole('region', { name: 'Page traffic' });
const table = () => panel.getByRole('listbox', { name: 'Page traffic entries' });
const count = () => region().locator('.count');

/** The boxes of the view's menus, found also while their menu (a popover) is closed, as the history's are. */
function box(menu: 'Outcome' | 'Code family', name: string): Locator {
  return region()
    .getByRole('group', { name: menu, includeHidden: true })
    .getByRole('checkbox', { name, exact: true, includeHidden: true });
}

/** The rows' Linq codes, or "none" for a row without one, in table order (a few rows: all are rendered). */
async function codesShown(): Promise<string[]> {
  const labels = await table()
    .getByRole('option')
    .evaluateAll((options) => options.map((option) => option.getAttribute('aria-label') ?? ''));
  return labels.map((label) => /Code and meaning \S+ (\d{4}) /.exec(label)?.[1] ?? 'none');
}

async function expectShown(codes: string[], countText: string): Promise<void> {
  await expect.poll(codesShown, { timeout: 10_000 }).toEqual(codes);
  await expect.poll(() => count().innerText()).toBe(countText);
}

/** Every header of every exported entry named like Authorization, with its value. */
function authorizationValues(headers: ReadonlyArray<{ name: string; value: string }>): string[] {
  return headers.filter((header) => header.name.toLowerCase().endsWith('authorization')).map((one) => one.value);
}

function expectNoCredential(text: string): void {
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(`Bearer ${KEY}`);
}

beforeAll(async () => {
  mock = await startMockLinq({});
  files = await makeHarDir();
  extension = await launchExtension({ devtools: true });
  const demo = extension.context.pages()[0] ?? (await extension.context.newPage());
  errors.watch(demo);
  await demo.goto(`${mock.url}/demo`);
  const tabId = await tabIdOf(extension, demo);

  panel = await extension.context.newPage();
  errors.watch(panel);
  await panel.goto(`chrome-extension://${extension.extensionId}/src/devtools/panel.html?inspect=${tabId}#view=traffic`);
  await region().waitFor({ state: 'visible', timeout: 15_000 });
  // The DevTools page answers: it is capturing before the first click.
  await trafficSnapshot(panel, tabId);

  // The page's own requests, each with the key in Authorization: 403/2005, 400/1002, 429/1007 (oldest first).
  await demo.getByLabel('API key').fill(KEY);
  for (const [status, code] of [
    [403, 2005],
    [400, 1002],
    [429, 1007],
  ] as const) {
    await demo.getByRole('button', { name: new RegExp(`^${status}/${code} `) }).click();
    // One at a time, so the table's order (newest first) is known.
    await table()
      .getByRole('option', { name: new RegExp(`Code and meaning page ${code} `) })
      .waitFor({ state: 'visible', timeout: 15_000 });
  }
});

afterEach(() => errors.assertNone());

afterAll(async () => {
  await extension?.close();
  await files?.remove();
  await mock?.close();
});

describe('Page traffic filters and exports, in the real panel', () => {
  test("lists the page's Linq errors and an opened HAR file's success and 502 together", async () => {
    // Beside the page's requests, a HAR file's success and 502 (not an envelope), dated before them.
    const har = await files.write(
      'outcomes.har',
      harText([
        { url: `${LINQ}?limit=5`, method: 'GET', status: 200, body: '{"chats":[]}' },
        { url: `${LINQ}/x/typing`, status: 502, statusText: 'Bad Gateway', body: 'down' },
      ]),
    );
    await region().getByLabel('Open HAR file…').setInputFiles(har);
    await expectShown(['1007', '1002', '2005', 'none', 'none'], '5 requests');
  });

  test('Outcome offers only the kinds page traffic has, and narrows the rows and the count', async () => {
    const offered = await region()
      .getByRole('group', { name: 'Outcome', includeHidden: true })
      .getByRole('checkbox', { includeHidden: true })
      .evaluateAll((boxes) => boxes.map((one) => one.closest('label')?.textContent?.trim()));
    expect(offered).toEqual(['Success', 'Linq error', 'HTTP failure', 'Network failure']);

    await setFilterBox(box('Outcome', 'Linq error'), true);
    await expectShown(['1007', '1002', '2005'], '3 of 5 requests');
    await expect
      .poll(() =>
        region()
          .getByRole('button', { name: /^Outcome \(1\)/ })
          .count(),
      )
      .toBe(1);
    await setFilterBox(box('Outcome', 'Linq error'), false);
    await setFilterBox(box('Outcome', 'Success'), true);
    await expectShown(['none'], '1 of 5 requests');
    expect(await table().getByRole('option').getAttribute('aria-label')).toContain('Status 200 Success');
    await setFilterBox(box('Outcome', 'HTTP failure'), true);
    await expectShown(['none', 'none'], '2 of 5 requests');
    await setFilterBox(box('Outcome', 'Success'), false);
    await setFilterBox(box('Outcome', 'HTTP failure'), false);
    await expectShown(['1007', '1002', '2005', 'none', 'none'], '5 requests');
  });

  test('Code family narrows the rows; with nothing left the view says the filters hide it all', async () => {
    await setFilterBox(box('Code family', '1xxx request'), true);
    await expectShown(['1007', '1002'], '2 of 5 requests');
    await setFilterBox(box('Code family', '1xxx request'), false);
    await setFilterBox(box('Code family', '2xxx resource'), true);
    await expectShown(['2005'], '1 of 5 requests');
    await setFilterBox(box('Outcome', 'Success'), true);
    await region().getByText('No requests match the filters.').waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => count().innerText()).toBe('0 of 5 requests');
    await setFilterBox(box('Outcome', 'Success'), false);
    await setFilterBox(box('Code family', '2xxx resource'), false);
    await expectShown(['1007', '1002', '2005', 'none', 'none'], '5 requests');
  });

  test('Export JSON downloads the rows the filters show, decoded, with no key and no Authorization value', async () => {
    await setFilterBox(box('Code family', '1xxx request'), true);
    await expectShown(['1007', '1002'], '2 of 5 requests');
    const button = region().getByRole('button', { name: 'Export JSON' });
    expect(await button.getAttribute('title')).toBe('Save the 2 requests the filters show as JSON');
    const file = await downloadText(panel, () => button.click());
    expect(file.fileName).toMatch(/^linq-page-traffic-.*\.json$/);
    await region().getByText('Exported 2 requests as JSON.').waitFor({ state: 'visible' });
    expectNoCredential(file.text);
    const saved = JSON.parse(file.text) as TrafficExport;
    expect(saved.format).toBe('linq-typing-inspector.page-traffic');
    expect(saved.entries.map((entry) => [entry.outcome.kind, entry.outcome.code, entry.status])).toEqual([
      ['linq_error', 1007, 429],
      ['linq_error', 1002, 400],
    ]);
    for (const entry of saved.entries) {
      expect(entry.source).toEqual({ kind: 'page' });
      expect(entry.outcome.docUrl?.startsWith('https://docs.linqapp.com/')).toBe(true);
      // The page sent Authorization: the export keeps the header, its credential redacted.
      const sent = authorizationValues(entry.requestHeaders.map(([name, value]) => ({ name, value })));
      expect(sent).toEqual(['Bearer [redacted]']);
    }
    await setFilterBox(box('Code family', '1xxx request'), false);
  });

  test('Export HAR downloads the rows the filters show as HAR, with no key and no Authorization value', async () => {
    await setFilterBox(box('Outcome', 'Linq error'), true);
    await setFilterBox(box('Code family', '2xxx resource'), true);
    await expectShown(['2005'], '1 of 5 requests');
    const file = await downloadText(panel, () => region().getByRole('button', { name: 'Export HAR' }).click());
    expect(file.fileName).toMatch(/^linq-page-traffic-.*\.har$/);
    await region().getByText('Exported 1 request as HAR.').waitFor({ state: 'visible' });
    expectNoCredential(file.text);
    const { log } = JSON.parse(file.text) as {
      log: {
        entries: Array<{
          request: { method: string; url: string; headers: Array<{ name: string; value: string }> };
          response: { status: number; content: { text: string } };
          _linq: { kind: string; code?: number };
        }>;
      };
    };
    expect(log.entries).toHaveLength(1);
    const [entry] = log.entries;
    expect(entry!.request.method).toBe('DELETE');
    expect(entry!.response.status).toBe(403);
    expect(entry!.response.content.text).toContain('"code":2005');
    expect(entry!['_linq']).toMatchObject({ kind: 'linq_error', code: 2005 });
    expect(authorizationValues(entry!.request.headers)).toEqual(['Bearer [redacted]']);
    await setFilterBox(box('Outcome', 'Linq error'), false);
    await setFilterBox(box('Code family', '2xxx resource'), false);
    await expectShown(['1007', '1002', '2005', 'none', 'none'], '5 requests');
  });
});
