/**
 * Open HAR file in Page traffic (issue 15, done-when 3 and 4), on the built dist/ with the panel opened as a tab
 * (no DevTools: a HAR file needs no inspected page). First a HAR that Playwright records on the mock's demo page,
 * with a key typed into it: the Linq errors decoded with documentation links, the health check left out, the key
 * nowhere. Then hostile HAR files, each a real file: markup in every shown string, a file over the size limit, a
 * foreign doc_url, a key in headers and body, and files that are not HAR at all.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromium, type Locator, type Page } from 'playwright-core';
import { startMockLinq, type MockLinq } from '../mock-linq/server.ts';
import { harText, linqEnvelope, makeHarDir, type HarDir } from './harness/har-files.ts';
import { launchExtension, type LaunchedExtension } from './harness/launch.ts';
import { PageErrors } from './harness/page-errors.ts';
import { CHROMIUM } from './harness/paths.ts';
import { readExtensionStorage } from './harness/storage.ts';

const KEY = `sk_e2e_haropen_${Math.random().toString(36).slice(2, 12)}`;
const DOCS = 'https://docs.linqapp.com/';
const MARKUP = '<img src=x onerror=window.__pwned=1>';
const LINQ = 'https://api.linqapp.com/api/partner/v3/chats';

let mock: MockLinq;
let extension: LaunchedExtension;
let panel: Page;
let files: HarDir;
const errors = new PageErrors();

const trafficRegion = () => panel.getByRole('region', { name: 'Page traffic' });
const table = () => panel.getByRole('listbox', { name: 'Page traffic entries' });
const details = () => panel.getByRole('region', { name: 'Traffic entry details' });
const rows = () => table().getByRole('option');

/** Opens `file` through the view's own control, as an operator picks it. */
async function openHar(file: string): Promise<void> {
  await trafficRegion().getByLabel('Open HAR file…').setInputFiles(file);
}

async function openedStatus(fileName: string): Promise<Locator> {
  const status = trafficRegion()
    .getByRole('status')
    .filter({ hasText: `Opened ${fileName}:` });
  await status.waitFor({ state: 'visible', timeout: 15_000 });
  return status;
}

async function refusal(fileName: string): Promise<string> {
  const alert = trafficRegion()
    .getByRole('alert')
    .filter({ hasText: `Could not open ${fileName}:` });
  await alert.waitFor({ state: 'visible', timeout: 15_000 });
  return alert.innerText();
}

/** The key is in no text, no attribute and no storage of the panel. */
async function expectKeyNowhere(): Promise<void> {
  expect(await panel.evaluate(() => document.body.innerText)).not.toContain(KEY);
  expect(await panel.content()).not.toContain(KEY);
  expect(JSON.stringify(await readExtensionStorage(panel))).not.toContain(KEY);
}

async function openDetails(row: Locator): Promise<Locator> {
  await row.dblclick();
  const pane = details();
  await pane.waitFor({ state: 'visible' });
  return pane;
}

/** Every link of the panel, wherever it is. */
const allHrefs = () =>
  panel.evaluate(() => [...document.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? '(none)'));

beforeAll(async () => {
  mock = await startMockLinq({});
  files = await makeHarDir();
  extension = await launchExtension();
  panel = extension.context.pages()[0] ?? (await extension.context.newPage());
  errors.watch(panel);
});

beforeEach(async () => {
  // A fresh panel for each file: what one test opened does not count in the next. The blank page first, since
  // going to the same URL with a fragment would be a same-document navigation, not a new load.
  await panel.goto('about:blank');
  await panel.goto(`chrome-extension://${extension.extensionId}/src/devtools/panel.html#view=traffic`);
  await panel.getByRole('tab', { name: 'Page traffic' }).click();
  await trafficRegion().waitFor({ state: 'visible', timeout: 15_000 });
});

afterEach(() => errors.assertNone());

afterAll(async () => {
  await extension?.close();
  await mock?.close();
  await files?.remove();
});

describe('Open HAR file', () => {
  test("a HAR Playwright recorded on the demo page: Linq's errors decoded, the health check left out, no key", async () => {
    const harPath = path.join(files.dir, 'demo.har');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    try {
      const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
      const demo = await context.newPage();
      await demo.goto(`${mock.url}/demo`);
      await demo.getByLabel('API key').fill(KEY);
      for (const name of [/^403\/2005 /, /^400\/1002 /, /^200 JSON that is not Linq/]) {
        await demo.getByRole('button', { name }).click();
      }
      await demo.waitForFunction(() => document.querySelectorAll('#answers li').length === 3);
      // The HAR is written when its context closes.
      await context.close();
    } finally {
      await browser.close();
    }
    // The file holds the key (the page sent it in Authorization): the panel must not show it.
    const recorded = await readFile(harPath, 'utf8');
    expect(recorded).toContain(KEY);
    expect(recorded).toContain('/demo/health');
    const recordedEntries = (JSON.parse(recorded) as { log: { entries: unknown[] } }).log.entries.length;

    await openHar(harPath);
    // The mock's host (127.0.0.1) is not a Linq host for this profile, so a request counts only when its answer
    // is Linq's error envelope: the 403/2005 and the 400/1002, not the page itself nor the 200 health check.
    expect(await (await openedStatus('demo.har')).innerText()).toBe(
      `Opened demo.har: 2 Linq requests of ${recordedEntries}.`,
    );
    await expect.poll(() => rows().count()).toBe(2);
    for (const [code, status] of [
      [2005, 403],
      [1002, 400],
    ] as const) {
      const row = table().getByRole('option', {
        name: new RegExp(`Status ${status} .*Code and meaning demo\\.har ${code} \\S`),
      });
      expect(await row.count()).toBe(1);
      const pane = await openDetails(row);
      await expect.poll(() => pane.innerText()).toContain('From demo.har');
      const href = await pane.getByRole('link', { name: `Documentation for ${code}` }).getAttribute('href');
      expect(href?.startsWith(DOCS)).toBe(true);
      // The Authorization the page sent is there, its credential redacted.
      const headers = await pane.getByRole('table', { name: 'Request headers' }).innerText();
      expect(headers).toMatch(/authorization/i);
    }
    expect(
      await table()
        .getByRole('option', { name: /\/demo\/health/ })
        .count(),
    ).toBe(0);
    await expectKeyNowhere();
  });

  test('markup in every shown string is rendered as text', async () => {
    const file = await files.write(
      'markup.har',
      harText([
        {
          url: `${LINQ}/${MARKUP}/typing`,
          status: 404,
          statusText: MARKUP,
          requestHeaders: [['X-Note', MARKUP]],
          responseHeaders: [
            ['Content-Type', 'application/json'],
            ['X-Server-Note', MARKUP],
          ],
          body: linqEnvelope({ status: 404, code: 2001, message: `Chat not found ${MARKUP}` }),
        },
      ]),
    );
    await openHar(file);
    await openedStatus('markup.har');
    await expect.poll(() => rows().count()).toBe(1);
    const pane = await openDetails(rows().first());
    const text = await pane.innerText();
    // The whole URL is shown as the file gave it; the heading and the row show the parsed path, percent-encoded.
    expect(text).toContain(`DELETE ${LINQ}/${MARKUP}/typing`);
    expect(text).toContain('/chats/%3Cimg%20src=x%20onerror=window.__pwned=1%3E/typing');
    expect(text).toContain(`HTTP 404 ${MARKUP}`);
    expect(text).toContain(`Chat not found ${MARKUP}`);
    expect(await pane.getByRole('table', { name: 'Response headers' }).innerText()).toContain(MARKUP);
    expect(await pane.getByRole('table', { name: 'Request headers' }).innerText()).toContain(MARKUP);
    expect(await panel.locator('img').count()).toBe(0);
    expect(await panel.evaluate(() => '__pwned' in window)).toBe(false);
  });

  test('a file over the 50 MiB limit is refused with its reason, nothing added', async () => {
    const file = await files.sparse('huge.har', 51 * 1024 * 1024);
    await openHar(file);
    expect(await refusal('huge.har')).toBe('Could not open huge.har: too large: 51.0 MiB, the limit is 50 MiB.');
    expect(await rows().count()).toBe(0);
  });

  test('a foreign doc_url links nowhere: only https://docs.linqapp.com/ is ever a link', async () => {
    const foreign = ['https://evil.example/docs', 'javascript:alert(1)'];
    const file = await files.write(
      'foreign-docs.har',
      harText(
        foreign.map((docUrl, index) => ({
          url: `${LINQ}/chat-foreign-${index}/typing`,
          status: 404,
          body: linqEnvelope({ status: 404, code: 2001, message: 'Chat not found', doc_url: docUrl }),
        })),
      ),
    );
    await openHar(file);
    await openedStatus('foreign-docs.har');
    await expect.poll(() => rows().count()).toBe(2);
    for (const index of [0, 1]) {
      await openDetails(rows().nth(index));
      const hrefs = await allHrefs();
      expect(hrefs.filter((href) => !href.startsWith(DOCS))).toEqual([]);
    }
    const html = await panel.content();
    for (const docUrl of foreign) expect(html).not.toContain(`href="${docUrl}"`);
  });

  test('a key in the headers and quoted bare in the body is nowhere in the panel or storage', async () => {
    const file = await files.write(
      'with-key.har',
      harText([
        {
          url: `${LINQ}/chat-key/typing`,
          status: 401,
          statusText: `Unauthorized ${KEY}`,
          requestHeaders: [
            ['Authorization', `Bearer ${KEY}`],
            ['x-api-key', KEY],
            ['cookie', `session=${KEY}`],
          ],
          responseHeaders: [['X-Echo', KEY]],
          body: linqEnvelope({ status: 401, code: 2004, message: `Invalid key ${KEY}` }),
        },
      ]),
    );
    await openHar(file);
    await openedStatus('with-key.har');
    await expect.poll(() => rows().count()).toBe(1);
    await openDetails(rows().first());
    await expectKeyNowhere();
  });

  test('a file that is not JSON, and JSON without log.entries, are refused with the reason', async () => {
    await openHar(await files.write('not-json.har', 'this is { not JSON'));
    expect(await refusal('not-json.har')).toBe('Could not open not-json.har: not JSON.');
    await openHar(await files.write('no-entries.har', JSON.stringify({ log: { version: '1.2' } })));
    expect(await refusal('no-entries.har')).toBe('Could not open no-entries.har: not a HAR file: no log.entries.');
    expect(await rows().count()).toBe(0);
  });
});
