/**
 * Theme and accessibility (issue 6, items 6–8): the popup and a panel tab follow prefers-color-scheme; axe-core
 * finds nothing in the popup, the panel's Requests view (a filter on, Details open) and its Codes view, in the
 * light and the dark theme, over a varied history, and its Page traffic view with a HAR file open; results are
 * announced politely. (The README's pictures are
 * made by `npm run screenshots`.)
 */
import { describe, expect, test } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { SPECIAL, linqErrorChat, okChat } from './harness/chat-ids.ts';
import { runAxe } from './harness/axe.ts';
import { harText, linqEnvelope, makeHarDir } from './harness/har-files.ts';
import { configure, setRequestTimeout } from './harness/configure.ts';
import { fire, historyItems, statusLabelOf } from './harness/history.ts';
import { countText, kindBox, setFilterBox } from './harness/history-search.ts';
import { openDetails } from './harness/outcome.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';

type Scheme = 'light' | 'dark';
const SCHEMES: readonly Scheme[] = ['light', 'dark'];
const POPUP_VIEWPORT = { width: 420, height: 640 };
const PANEL_VIEWPORT = { width: 1280, height: 720 };
const BACKGROUND: Record<Scheme, string> = { light: 'rgb(255, 255, 255)', dark: 'rgb(30, 31, 34)' };
const FOREGROUND: Record<Scheme, string> = { light: 'rgb(27, 31, 36)', dark: 'rgb(230, 237, 243)' };

let popup: Page;
let panel: Page;

/** The history axe sees: success, Linq errors (one rate limited), an HTML 502, a timeout. */
const POPUP_CHATS = [
  { chatId: okChat(), status: '204 Success' },
  { chatId: SPECIAL.html502, status: '502 HTTP failure' },
  { chatId: SPECIAL.hang, status: 'Timeout' },
  { chatId: linqErrorChat(1007), status: '429 Linq error' },
  { chatId: linqErrorChat(2001), status: '404 Linq error' },
];
const PANEL_CHATS = [
  { chatId: linqErrorChat(1002), status: '400 Linq error' },
  { chatId: linqErrorChat(4005), status: '422 Linq error' },
  { chatId: okChat(), status: '204 Success' },
  { chatId: linqErrorChat(3006), status: '500 Linq error' },
];
const DETAILS_CHAT = linqErrorChat(2001);

const session = useExtensionSession({
  async setUp() {
    popup = await openView(session.extension, 'popup', { errors: session.errors, viewport: POPUP_VIEWPORT });
    await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey, timeoutSeconds: 1 });
    // Fold Settings again, as an operator leaves it.
    await popup.getByText('Settings', { exact: true }).click();
    for (const { chatId, status } of POPUP_CHATS) expect(await statusLabelOf(await fire(popup, chatId))).toBe(status);
    await setRequestTimeout(popup, 15);
    await popup.getByText('Settings', { exact: true }).click();
    panel = await openView(session.extension, 'panel', { errors: session.errors, viewport: PANEL_VIEWPORT });
    for (const { chatId, status } of PANEL_CHATS) expect(await statusLabelOf(await fire(panel, chatId))).toBe(status);
    await popup.bringToFront();
    await popup.getByRole('textbox', { name: 'Chat ID' }).fill(DETAILS_CHAT);
  },
});

async function colours(page: Page): Promise<{ background: string; foreground: string; theme?: string }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return {
      background: style.backgroundColor,
      foreground: style.color,
      theme: document.documentElement.dataset.theme,
    };
  });
}

/** Runs axe and expects no violation; the contrast rule must have run (and found nothing). */
async function expectNoViolations(page: Page, label: string): Promise<void> {
  const report = await runAxe(page, label);
  if (process.env.E2E_AXE_VERBOSE === '1')
    console.log(
      `axe ${label}: ${report.passes.length} rules passed; needs review: ${report.incomplete.join(', ') || 'nothing'}`,
    );
  expect(
    report.violations,
    `axe found:\n${report.violations.join('\n')}\n(needs review: ${report.incomplete.join(', ')})`,
  ).toEqual([]);
  expect(report.passes).toEqual(
    expect.arrayContaining(['color-contrast', 'button-name', 'label', 'link-name', 'aria-valid-attr-value']),
  );
}

/** axe can judge contrast only on what is on screen: a tall viewport brings every row of a scroller into view. */
const TALL = { width: 1280, height: 3_200 };

describe('Theme', () => {
  test('the popup and a panel tab follow prefers-color-scheme (no DevTools theme outside DevTools)', async () => {
    for (const page of [popup, panel]) {
      for (const scheme of ['dark', 'light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await colours(page), `${page.url()} in ${scheme}`).toEqual({
          background: BACKGROUND[scheme],
          foreground: FOREGROUND[scheme],
          theme: undefined,
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });
});

describe('Accessibility (axe-core)', () => {
  test('axe runs in the extension page (CSP does not block it) and does catch a contrast failure', async () => {
    await popup.bringToFront();
    await popup.evaluate(() => {
      const planted = document.createElement('p');
      planted.id = 'e2e-planted';
      planted.textContent = 'planted low-contrast text';
      planted.style.cssText = 'color: #bbbbbb; background: #ffffff';
      document.body.append(planted);
    });
    const results = await new AxeBuilder({ page: popup })
      .include('#e2e-planted')
      .withRules(['color-contrast'])
      .analyze();
    await popup.evaluate(() => document.getElementById('e2e-planted')?.remove());
    expect(
      results.violations.map(
        (violation) => `${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join()}`,
      ),
    ).toEqual(['color-contrast #e2e-planted']);
  });

  test('popup after a 404/2001, varied history, rate-limit countdown and "Send anyway": no axe violations, light and dark', async () => {
    await popup.bringToFront();
    const latest = popup.getByRole('region', { name: 'Latest result' });
    expect(await latest.getAttribute('aria-live')).toBe('polite');
    expect(await latest.textContent()).toContain('Chat not found');
    expect(await historyItems(popup).count()).toBe(POPUP_CHATS.length);
    // Everything the popup can show at once: the 1007 chat's countdown and note, and the held-back request.
    const chatId = popup.getByRole('textbox', { name: 'Chat ID' });
    await chatId.fill(linqErrorChat(1007));
    await popup.getByRole('button', { name: 'Stop typing', exact: true }).click();
    await popup.getByRole('button', { name: 'Send anyway' }).waitFor({ timeout: 2_000 });
    expect(await popup.getByText(/^Rate limited:/).isVisible()).toBe(true);
    for (const scheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme: scheme });
      await expectNoViolations(popup, `popup (${scheme})`);
    }
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await chatId.fill(DETAILS_CHAT);
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  test('panel Requests view with a filter and Details open: no axe violations, light and dark', async () => {
    await panel.bringToFront();
    const total = POPUP_CHATS.length + PANEL_CHATS.length;
    await setFilterBox(kindBox(panel, 'Linq error'), true);
    await expect.poll(() => countText(panel)).toBe(`5 of ${total} entries`);
    const item = historyItems(panel).filter({ hasText: DETAILS_CHAT }).first();
    await openDetails(panel, item, DETAILS_CHAT);
    expect(await panel.locator('.history.browser .count').getAttribute('aria-live')).toBe('polite');
    expect(await panel.getByRole('region', { name: 'Latest result' }).getAttribute('aria-live')).toBe('polite');

    await panel.setViewportSize(TALL);
    for (const scheme of SCHEMES) {
      await panel.emulateMedia({ colorScheme: scheme });
      await expectNoViolations(panel, `panel Requests (${scheme})`);
    }
    await panel.setViewportSize(PANEL_VIEWPORT);
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  test('panel Page traffic with a HAR open (errors, a success) and Details open: no axe violations, light and dark', async () => {
    const files = await makeHarDir();
    const api = 'https://api.linqapp.com/api/partner/v3/chats';
    const har = await files.write(
      'support.har',
      harText([
        {
          url: `${api}/${DETAILS_CHAT}/typing`,
          status: 404,
          body: linqEnvelope({ status: 404, code: 2001, message: 'Chat not found' }),
        },
        {
          url: `${api}/${okChat()}/typing`,
          method: 'POST',
          status: 429,
          responseHeaders: [['Retry-After', '30']],
          body: linqEnvelope({ status: 429, code: 1007, message: 'Rate limit exceeded' }),
        },
        { url: `${api}/${okChat()}/typing`, status: 204 },
      ]),
    );
    try {
      await panel.bringToFront();
      await panel.getByRole('tab', { name: 'Page traffic' }).click();
      const traffic = panel.getByRole('region', { name: 'Page traffic' });
      await traffic.getByLabel('Open HAR file…').setInputFiles(har);
      await traffic.getByRole('status').filter({ hasText: 'Opened support.har: 3 Linq requests of 3.' }).waitFor();
      const table = traffic.getByRole('listbox', { name: 'Page traffic entries' });
      await table.getByRole('option', { name: /Code and meaning support\.har 2001 / }).dblclick();
      await panel.getByRole('region', { name: 'Traffic entry details' }).waitFor();
      await panel.setViewportSize(TALL);
      for (const scheme of SCHEMES) {
        await panel.emulateMedia({ colorScheme: scheme });
        await expectNoViolations(panel, `panel Page traffic (${scheme})`);
      }
    } finally {
      await files.remove();
      await panel.setViewportSize(PANEL_VIEWPORT);
      await panel.emulateMedia({ colorScheme: 'light' });
      await panel.getByRole('tab', { name: 'Requests' }).click();
    }
  });

  test('panel Codes view: no axe violations, light and dark', async () => {
    await panel.bringToFront();
    await panel.getByRole('tab', { name: 'Codes' }).click();
    await panel.getByRole('tabpanel', { name: 'Codes' }).getByRole('table').waitFor({ timeout: 5_000 });
    await panel.setViewportSize(TALL);
    for (const scheme of SCHEMES) {
      await panel.emulateMedia({ colorScheme: scheme });
      await expectNoViolations(panel, `panel Codes (${scheme})`);
    }
    await panel.setViewportSize(PANEL_VIEWPORT);
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.getByRole('tab', { name: 'Requests' }).click();
  });
});
