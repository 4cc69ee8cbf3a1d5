/**
 * Check chat from the popup (issue 16), on dist/ against the mock's scenario chats: the Latest result shows the
 * verdict and the findings, each marked in words; the entry is a "Check chat" in History; the participants'
 * handles are masked on screen until Show handles, and never stored, nor is any message text.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { MOCK_THEIR_NUMBER } from '../mock-linq/chat-bodies.ts';
import {
  CHECK_CASES,
  MASKED_HANDLE,
  PRIVATE_TEXTS,
  chatCheckRegion,
  checkChat,
  waitForDiagnosis,
} from './harness/chat-check.ts';
import { configure } from './harness/configure.ts';
import { historyItems, statusLabelOf } from './harness/history.ts';
import { readHistoryDb } from './harness/history-db.ts';
import { describedValue } from './harness/outcome.ts';
import { expectKeyNotInPageText } from './harness/page-text.ts';
import { useExtensionSession } from './harness/session.ts';
import { readExtensionStorage } from './harness/storage.ts';
import { openView } from './harness/views.ts';

let popup: Page;

const session = useExtensionSession({
  async setUp() {
    popup = await openView(session.extension, 'popup', { errors: session.errors });
    await configure(popup, { baseUrl: session.baseUrl, apiKey: session.apiKey });
  },
});

const latest = () => popup.getByRole('region', { name: 'Latest result' });
/** Whether the Latest result is this chat's check (the one before stays shown until it lands). */
const latestIs = (chatId: string) => async () =>
  ((await latest().textContent()) ?? '').includes(`Check chat: GET ${chatId}`);
const unmasked = (finding: string) => finding.replace(` ${MASKED_HANDLE}`, '');

describe('Check chat from the popup', () => {
  test('each scenario: the verdict and its finding in Latest result, a "Check chat" row in History', async () => {
    for (const check of CHECK_CASES) {
      session.mock.clearRequests();
      const item = await checkChat(popup, check.chatId);
      const shown = await waitForDiagnosis(latest(), latestIs(check.chatId), `${check.name} (${check.chatId})`);
      expect(shown.verdict, check.name).toBe(check.verdict);
      expect(shown.findings.map(unmasked), check.name).toContain(check.finding);
      expect(shown.links, check.name).toEqual(check.links);
      // A diagnosis marks every line in words.
      for (const finding of shown.findings) expect(finding, check.name).toMatch(/^(Good|Warning|Blocker): /);

      // The History row names the operation; the check asked the chat, and its messages only if still useful.
      expect(await item.getByText('Check chat', { exact: true }).isVisible(), check.name).toBe(true);
      expect(await statusLabelOf(item), check.name).toBe(check.status);
      const chatPath = `/api/partner/v3/chats/${check.chatId}`;
      expect(
        session.mock.requests.map(({ method, path }) => `${method} ${path}`),
        check.name,
      ).toEqual([`GET ${chatPath}`, ...(check.readsMessages ? [`GET ${chatPath}/messages`] : [])]);

      // A refused chat's Linq error is decoded below the diagnosis, with its documentation link.
      if (check.error) {
        expect(await describedValue(latest(), 'Code'), check.name).toBe(`${check.error.code} ${check.error.meaning}`);
        const docs = latest().getByRole('link', { name: `Documentation for ${check.error.code}` });
        expect(await docs.getAttribute('href'), check.name).toBe(check.error.docUrl);
      }
    }
    // The popup lists the newest five, newest first: all of them checks.
    const rows = historyItems(popup);
    expect(await rows.count()).toBe(5);
    for (const [i, check] of CHECK_CASES.slice(-5).toReversed().entries()) {
      expect(await rows.nth(i).textContent(), check.name).toContain(check.chatId);
      expect(await rows.nth(i).getByText('Check chat', { exact: true }).count(), check.name).toBe(1);
    }
  });

  test('handles are masked until Show handles, and shown only while asked for', async () => {
    const left = CHECK_CASES.find((check) => check.name === 'participant left')!;
    await checkChat(popup, left.chatId);
    const shown = await waitForDiagnosis(latest(), latestIs(left.chatId), left.name);
    expect(shown.findings).toContain(`${left.finding} ${MASKED_HANDLE}`);
    const text = () => popup.evaluate(() => document.body.innerText);
    for (const secret of PRIVATE_TEXTS) expect(await text()).not.toContain(secret);

    const show = chatCheckRegion(latest()).getByRole('button', { name: 'Show handles' });
    expect(await show.getAttribute('aria-pressed')).toBe('false');
    await show.click();
    await expect.poll(() => show.getAttribute('aria-pressed')).toBe('true');
    const leftLine = chatCheckRegion(latest()).getByRole('listitem').filter({ hasText: left.finding });
    expect(await leftLine.textContent()).toContain(`(${MOCK_THEIR_NUMBER})`);
    await show.click();
    await expect.poll(() => show.getAttribute('aria-pressed')).toBe('false');
    expect(await text()).not.toContain(MOCK_THEIR_NUMBER);
  });

  test('privacy: the stored history keeps no phone number, no message text and no key', async () => {
    const ids = new Set(CHECK_CASES.map((check) => check.chatId));
    const stored = (await readHistoryDb(popup)).filter((entry) => ids.has(entry.chatId));
    const storage = await readExtensionStorage(popup);
    const kept = JSON.stringify({ stored, local: storage.local });
    for (const secret of [...PRIVATE_TEXTS, session.apiKey]) expect(kept).not.toContain(secret);
    // The session area holds the key (kept for the session only), and no participant.
    for (const secret of PRIVATE_TEXTS) expect(JSON.stringify(storage.session)).not.toContain(secret);
    // Every check above is stored, as its own operation, with its diagnosis or its decoded error.
    expect(new Set(stored.map((entry) => entry.chatId))).toEqual(ids);
    for (const check of CHECK_CASES) {
      const entry = stored.find(({ chatId }) => chatId === check.chatId) as unknown as {
        operation: string;
        diagnosis?: unknown;
        outcome?: { kind: string };
      };
      expect(entry.operation, check.name).toBe('chat.check');
      if (check.error) expect(entry.outcome?.kind, check.name).toBe('linq_error');
      else expect(entry.diagnosis, check.name).toBeTypeOf('object');
    }
    await expectKeyNotInPageText(popup, session.apiKey);
  });
});
