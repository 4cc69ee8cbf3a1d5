/**
 * Every kind of answer, decoded end to end in the panel: Linq error envelopes (code, meaning, retry advice,
 * trace ID, documentation link), non-envelope HTTP failures, network failures and timeouts.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SPECIAL, linqErrorChat, okChat } from './harness/chat-ids.ts';
import { docLinkHref, fire, statusLabelOf } from './harness/history.ts';
import { describedValue, openDetails, responseHeader } from './harness/outcome.ts';
import { expectKeyNotInPageText } from './harness/page-text.ts';
import { configure } from './harness/configure.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';

let panel: Page;

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', { errors: session.errors });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
  },
  async beforeClose() {
    if (panel) await expectKeyNotInPageText(panel, session.apiKey);
  },
});

const DO_NOT_RETRY = 'Do not retry: fix the request first.';
const RETRY_TRANSIENT = 'Retry: this is usually transient; back off between tries.';
const RETRY_AFTER = 'Retry after the wait the server asks for.';

function latest(): Locator {
  return panel.getByRole('region', { name: 'Latest result' });
}

/** The latest result is the selected (newest) row, with its decoding in the details pane beside the table. */
function latestDetails(): Locator {
  return panel.getByRole('region', { name: 'Entry details' });
}

/** A table row's "Code and meaning" column, e.g. "2001 Chat not found"; undefined when it shows no code. */
async function rowCode(item: Locator): Promise<string | undefined> {
  const shown = ((await item.locator('.meaning').textContent({ timeout: 2_000 })) ?? '').trim();
  return /^\d{4} /.test(shown) ? shown : undefined;
}

async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/**
 * The trace ID the mock sent, as the browser received it (X-Trace-ID in the entry's details); checks that the
 * body's trace_id (when it has one) agrees, and that the entry and the latest result both show exactly it.
 */
async function expectTraceIdShown(item: Locator, chatId: string, bodyHasTraceId: boolean): Promise<string> {
  const details = await openDetails(panel, item, chatId);
  const sent = await responseHeader(details, 'x-trace-id');
  expect(sent).toMatch(/^[0-9a-f]{32}$/);
  const body = await text(details.getByLabel('Response body preview'));
  if (bodyHasTraceId) expect(body).toContain(`"trace_id":"${sent}"`);
  else expect(body).not.toContain('trace_id');
  expect(await item.locator('.trace-id').textContent()).toBe(sent);
  expect(await describedValue(latestDetails(), 'Trace ID')).toBe(sent);
  return sent!;
}

function expectSentWithKey(chatId: string): void {
  const request = session.mock.requests.at(-1);
  expect(request).toMatchObject({
    method: 'DELETE',
    path: `/api/partner/v3/chats/${chatId}/typing`,
    authorization: `Bearer ${session.apiKey}`,
  });
}

describe('Linq error envelopes', () => {
  const cases = [
    { code: 2004, http: 401, meaning: 'Unauthorized', retry: DO_NOT_RETRY },
    { code: 2005, http: 403, meaning: 'Access denied', retry: DO_NOT_RETRY },
    { code: 2001, http: 404, meaning: 'Chat not found', retry: DO_NOT_RETRY },
    { code: 1007, http: 429, meaning: 'Rate limit exceeded', retry: `${RETRY_AFTER} Wait 30 s.` },
    { code: 3006, http: 500, meaning: 'Internal server error', retry: RETRY_TRANSIENT },
  ] as const;

  test.each(cases)(
    '$http/$code: code, meaning, retry advice, trace ID and docs link',
    async ({ code, http, meaning, retry }) => {
      const chatId = linqErrorChat(code);
      const item = await fire(panel, chatId);
      expectSentWithKey(chatId);

      expect(await statusLabelOf(item)).toBe(`${http} Linq error`);
      const docUrl = `https://docs.linqapp.com/error/codes/${String(code)[0]}xxx/${code}/`;
      expect(await rowCode(item)).toBe(`${code} ${meaning}`);
      expect(await describedValue(latestDetails(), 'Code')).toBe(`${code} ${meaning}`);
      expect(await describedValue(latestDetails(), 'Retry')).toBe(retry);
      expect(await docLinkHref(latestDetails(), code)).toBe(docUrl);
      expect(await text(latest())).toContain(`${http} · ${code} ${meaning}`);
      await expectTraceIdShown(item, chatId, true);
    },
  );

  test('an undocumented code (2999) is decoded by its range, marked undocumented, and linked', async () => {
    const chatId = SPECIAL.undocumented2999;
    const item = await fire(panel, chatId);
    expect(await statusLabelOf(item)).toBe('418 Linq error');
    expect(await rowCode(item)).toMatch(/^2999 Undocumented .+ error$/);
    expect(await describedValue(latestDetails(), 'Code')).toMatch(/^2999 Undocumented .+ errorundocumented$/);
    expect(await docLinkHref(latestDetails(), 2999)).toBe('https://docs.linqapp.com/error/codes/2xxx/2999/');
    await expectTraceIdShown(item, chatId, true);
  });

  test('an envelope without trace_id or doc_url: trace ID from X-Trace-ID, link from the catalogue', async () => {
    const chatId = SPECIAL.headerTraceOnly;
    const item = await fire(panel, chatId);
    expect(await statusLabelOf(item)).toBe('404 Linq error');
    expect(await rowCode(item)).toBe('2001 Chat not found');
    expect(await describedValue(latestDetails(), 'Code')).toBe('2001 Chat not found');
    expect(await docLinkHref(latestDetails(), 2001)).toBe('https://docs.linqapp.com/error/codes/2xxx/2001/');
    await expectTraceIdShown(item, chatId, false);
  });
});

describe('answers that are not Linq errors', () => {
  test('an HTML 502 from a proxy is an HTTP failure, not a Linq error; its body is shown as text only', async () => {
    const chatId = SPECIAL.html502;
    const item = await fire(panel, chatId);
    expect(await statusLabelOf(item)).toBe('502 HTTP failure');
    expect(await text(latest())).toContain('502 HTTP failure');
    expect(await text(latest())).toContain('not a Linq error');
    expect(await rowCode(item)).toBeUndefined();
    expect(await describedValue(latestDetails(), 'Code')).toBeUndefined();
    expect(await describedValue(latestDetails(), 'Retry')).toBe(RETRY_TRANSIENT);
    expect(await item.getByRole('link').count()).toBe(0);
    expect(await latestDetails().getByRole('link').count()).toBe(0);
    expect(await describedValue(latestDetails(), 'Note')).toBe('The body is not JSON; see the text preview.');

    await expectTraceIdShown(item, chatId, false);
    const details = panel.getByRole('region', { name: 'Entry details' });
    expect(await text(details)).toContain('HTTP 502');
    expect(await text(details.getByLabel('Response body preview'))).toContain('<title>502 Bad Gateway</title>');
    // Shown as text: the server's markup never becomes elements of the view.
    expect(await panel.getByRole('heading', { name: '502 Bad Gateway' }).count()).toBe(0);
  });

  test.each([
    { name: 'an empty 500', chatId: SPECIAL.empty500, note: 'The body was empty.' },
    {
      name: 'truncated JSON in a 500',
      chatId: SPECIAL.truncatedJson,
      note: 'The body is not JSON; see the text preview.',
    },
  ])('$name is an HTTP failure', async ({ chatId, note }) => {
    const item = await fire(panel, chatId);
    expect(await statusLabelOf(item)).toBe('500 HTTP failure');
    expect(await describedValue(latestDetails(), 'Note')).toBe(note);
    expect(await rowCode(item)).toBeUndefined();
    expect(await describedValue(latestDetails(), 'Code')).toBeUndefined();
  });

  test('a 200 with an unexpected body is still a success, with a note', async () => {
    const item = await fire(panel, SPECIAL.unexpectedBody200);
    expect(await statusLabelOf(item)).toBe('200 Success');
    expect(await describedValue(latestDetails(), 'Note')).toContain('The response had a body');
  });

  test('a dropped connection is a Network failure', async () => {
    const chatId = SPECIAL.dropped;
    session.mock.clearRequests();
    const item = await fire(panel, chatId);
    expect(session.mock.requests.map((request) => request.chatId)).toContain(chatId);
    expect(await statusLabelOf(item)).toBe('Network failure');
    expect(await text(latest())).toContain('Network error: no response');
    expect(await describedValue(latestDetails(), 'Retry')).toBe(RETRY_TRANSIENT);
    const details = await openDetails(panel, item, chatId);
    expect(await text(details)).toContain('No HTTP response was received.');
  });

  test('no answer within "Request timeout (seconds)" = 1 is a Timeout', async () => {
    await configure(panel, { timeoutSeconds: 1 });
    try {
      const chatId = SPECIAL.hang;
      session.mock.clearRequests();
      const started = Date.now();
      const item = await fire(panel, chatId, { timeout: 8_000 });
      const took = Date.now() - started;
      expect(session.mock.requests.map((request) => request.chatId)).toContain(chatId);
      expect(await statusLabelOf(item)).toBe('Timeout');
      expect(await text(latest())).toContain('Timed out after 1 s');
      expect(await describedValue(latestDetails(), 'Retry')).toBe(RETRY_TRANSIENT);
      expect(took).toBeLessThan(5_000);
    } finally {
      await configure(panel, { timeoutSeconds: 15 });
    }
  });

  test('a plain 204 after all that is a success with no code and no link', async () => {
    const item = await fire(panel, okChat());
    expect(await statusLabelOf(item)).toBe('204 Success');
    expect(await rowCode(item)).toBeUndefined();
    expect(await describedValue(latestDetails(), 'Code')).toBeUndefined();
    expect(await item.getByRole('link').count()).toBe(0);
  });
});
