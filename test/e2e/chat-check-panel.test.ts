/**
 * Check chat from the panel (issue 16), on dist/ against the mock's scenario chats: each check is a "Check chat"
 * row of the request table, and its Entry details show the decoding: the verdict and the findings, each marked
 * in words, and a refused chat's Linq error. The details are the stored entry's: no handles, nothing private.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CHECK_CASES, PRIVATE_TEXTS, checkChat, waitForDiagnosis, type CheckCase } from './harness/chat-check.ts';
import { configure } from './harness/configure.ts';
import { historyItemFor, statusLabelOf } from './harness/history.ts';
import { describedValue, openDetails } from './harness/outcome.ts';
import { expectKeyNotInPageText } from './harness/page-text.ts';
import { useExtensionSession } from './harness/session.ts';
import { openView } from './harness/views.ts';

let panel: Page;

const session = useExtensionSession({
  async setUp() {
    panel = await openView(session.extension, 'panel', { errors: session.errors });
    await configure(panel, { baseUrl: session.baseUrl, apiKey: session.apiKey });
  },
});

/** Reads this check's decoding from the Entry details, once they show its chat. */
function detailsDiagnosis(details: Locator, check: CheckCase) {
  const heading = details.getByRole('heading', { level: 2 });
  return waitForDiagnosis(
    details,
    async () => ((await heading.textContent({ timeout: 1_000 })) ?? '').includes(check.chatId),
    `${check.name} (${check.chatId})`,
  );
}

async function expectDecoded(details: Locator, check: CheckCase): Promise<void> {
  const shown = await detailsDiagnosis(details, check);
  expect(shown.verdict, check.name).toBe(check.verdict);
  expect(shown.findings, check.name).toContain(check.finding);
  expect(shown.links, check.name).toEqual(check.links);
  for (const finding of shown.findings) expect(finding, check.name).toMatch(/^(Good|Warning|Blocker): /);
  if (check.error) {
    expect(await describedValue(details, 'Code'), check.name).toBe(`${check.error.code} ${check.error.meaning}`);
    const docs = details.getByRole('link', { name: `Documentation for ${check.error.code}` });
    expect(await docs.getAttribute('href'), check.name).toBe(check.error.docUrl);
  }
  // The stored entry has no handles to show, and its details name no participant.
  expect(await details.getByRole('button', { name: 'Show handles' }).count(), check.name).toBe(0);
  const text = (await details.textContent()) ?? '';
  for (const secret of PRIVATE_TEXTS) expect(text, check.name).not.toContain(secret);
}

describe('Check chat from the panel', () => {
  test('each scenario: a "Check chat" row whose Entry details show the verdict and its finding', async () => {
    const details = panel.getByRole('region', { name: 'Entry details' });
    for (const check of CHECK_CASES) {
      const row = await checkChat(panel, check.chatId);
      expect(await statusLabelOf(row), check.name).toBe(check.status);
      // A screen reader hears the row's cells by column: the operation is "GET Check chat".
      const named = panel.getByRole('option', {
        name: new RegExp(`^Time \\S+ Operation GET Check chat Chat ID ${check.chatId} Status ${check.status} `),
      });
      expect(await row.and(named).count(), check.name).toBe(1);
      // The panel opens the newest result's details by itself.
      await expectDecoded(details, check);
    }
  });

  test('an earlier check, chosen in the table, shows its own decoding from the stored entry', async () => {
    for (const check of [CHECK_CASES[0]!, CHECK_CASES[3]!, CHECK_CASES[6]!]) {
      const details = await openDetails(panel, historyItemFor(panel, check.chatId), check.chatId);
      await expectDecoded(details, check);
    }
    await expectKeyNotInPageText(panel, session.apiKey);
  });
});
