/**
 * Fault injection, key echo (issue 12, F4): a server or proxy that quotes back the key it was sent. Every
 * 'key echo' scenario of the mock is fired from the popup, with the panel open beside it; the key then must be
 * nowhere the extension keeps or shows what came back: IndexedDB (entries and the search index),
 * storage.session `history.recent`, the popup's first-paint copy in localStorage, both exports, Details and
 * the support report. Where the echo reached the extension, [redacted] stands in its place.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { BODY_PREVIEW_MAX } from '../../../src/background/transport.ts';
import { HOSTILE_SCENARIOS } from '../../mock-linq/scenarios.ts';
import { grantClipboard, readClipboard, writeClipboard } from '../harness/clipboard.ts';
import { configure } from '../harness/configure.ts';
import { fire, historyItemFor } from '../harness/history.ts';
import { openTransfer } from '../harness/history-search.ts';
import { openDetails } from '../harness/outcome.ts';
import { downloadText } from '../harness/transfer.ts';
import { openView } from '../harness/views.ts';
import { readHistoryDb, type StoredEntry } from './lib/db.ts';
import { defineSecretsSweep, lostEntries, useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { leakCount, sweepForKey } from './lib/secrets.ts';

/** `$` and `+` change under URL-encoding, so the encoded echo is a spelling of its own; all are token characters. */
const ECHO_KEY = 'sk_echo$SECRET+7f3a9c';
const ECHOES = HOSTILE_SCENARIOS.filter((scenario) => scenario.family === 'key echo');

let popup: Page;
let panel: Page;

const session = useFaultSession({
  firstView: 'panel',
  async setUp() {
    panel = session.first;
    popup = await openView(session.extension, 'popup');
    await configure(popup, { baseUrl: session.baseUrl, apiKey: ECHO_KEY });
  },
});

type EchoEntry = StoredEntry & {
  response?: { statusText: string; headers: Array<[string, string]>; bodyPreview: string; bodyTruncated: boolean };
  outcome: { kind: string; code?: number; serverMessage?: string; traceId?: string };
};

/** Where the echo reached the extension, the entry shows [redacted] in its place. */
const REDACTED_IN: Record<string, (entry: EchoEntry) => void> = {
  'echo-message': (entry) =>
    expect(entry.outcome).toMatchObject({ code: 2004, serverMessage: 'Invalid API key: [redacted]' }),
  'echo-authorization-header': (entry) => {
    expect(entry.response?.headers).toContainEqual(['x-echo-authorization', 'Bearer [redacted]']);
    expect(entry.response?.headers).toContainEqual(['x-debug-key-[redacted]', 'seen']);
  },
  // Chrome hides a refused redirect's Location from a manual-redirect fetch: nothing of it reaches the extension.
  'echo-location': (entry) => expect(entry.outcome.kind).toBe('http_failure'),
  'echo-trace-id': (entry) => {
    expect(entry.outcome).toMatchObject({ code: 3006, traceId: '[redacted]' });
    expect(entry.response?.headers).toContainEqual(['x-trace-id', '[redacted]']);
  },
  'echo-html': (entry) => expect(entry.response?.bodyPreview.split('[redacted]')).toHaveLength(4),
  'echo-straddle': (entry) => {
    expect(entry.response?.bodyTruncated).toBe(true);
    expect(entry.response?.bodyPreview.endsWith('[redacted]')).toBe(true);
    expect(entry.response?.bodyPreview.length).toBeLessThanOrEqual(BODY_PREVIEW_MAX);
  },
  'echo-status-text': (entry) => {
    expect(entry.response?.statusText).toBe('Unauthorized [redacted]');
    expect(entry.response?.bodyPreview).toBe('Bearer [redacted]');
  },
};

const sweep = (texts: Array<{ where: string; text: string }> = []) =>
  sweepForKey({
    page: popup,
    views: [popup, panel],
    observer: session.observer,
    mockRequests: session.mock.requests,
    key: ECHO_KEY,
    texts,
  });

test('every key echo scenario has a check of where [redacted] stands', () => {
  expect(ECHOES.length).toBeGreaterThanOrEqual(7);
  expect(ECHOES.filter((scenario) => !(scenario.name in REDACTED_IN)).map((scenario) => scenario.name)).toEqual([]);
});

describe('key echo', () => {
  test.for(ECHOES)('$name ($chatId)', async (scenario, { task }) => {
    const meta = recordFault(task, 'key echo');
    const before = session.mock.requests.length;
    await fire(popup, scenario.chatId, { timeout: 10_000 });

    // The mock did get the key, in Authorization, and quoted it back.
    const sent = session.mock.requests.slice(before);
    expect(sent.map((request) => request.authorization)).toEqual([`Bearer ${ECHO_KEY}`]);
    const entries = (await readHistoryDb(popup)).filter((entry) => entry.chatId === scenario.chatId) as EchoEntry[];
    expect(entries.map((entry) => entry.state)).toEqual(['settled']);
    REDACTED_IN[scenario.name]?.(entries[0]!);
    const lost = await lostEntries(popup, session, { fired: [scenario.chatId], since: before });
    meta.lost = lost.lost;

    // The panel has heard of it too (its index row is in memory), and the popup has written its first-paint copy.
    await expect.poll(() => historyItemFor(panel, scenario.chatId).count(), { timeout: 5_000 }).toBeGreaterThan(0);
    const leaks = await sweep();
    meta.leaks = leakCount(leaks);
    expect(leaks).toEqual([]);
    expect(lost.detail).toEqual([]);
    handled(meta);
  });

  test('Details, the support report and both exports of the echoed entries hold no key', async ({ task }) => {
    const meta = recordFault(task, 'key echo', ECHOES.length);
    await panel.bringToFront();
    const release = await grantClipboard(session.extension, panel);
    const texts: Array<{ where: string; text: string }> = [];
    try {
      for (const scenario of ECHOES) {
        const details = await openDetails(panel, historyItemFor(panel, scenario.chatId), scenario.chatId);
        texts.push({ where: `Details of ${scenario.name}`, text: await details.innerText() });
        const status = details.getByRole('status');
        await writeClipboard(panel, 'before');
        await details.getByRole('button', { name: 'Copy support report' }).click();
        await expect.poll(() => status.textContent()).toBe('Copied the support report.');
        await expect.poll(() => readClipboard(panel)).not.toBe('before');
        texts.push({ where: `support report of ${scenario.name}`, text: await readClipboard(panel) });
      }
    } finally {
      await release();
    }
    const transfer = await openTransfer(panel);
    for (const format of ['JSON', 'HAR'] as const) {
      const file = await downloadText(panel, () => transfer.getByRole('button', { name: `Export ${format}` }).click());
      expect(ECHOES.every((scenario) => file.text.includes(scenario.chatId))).toBe(true);
      texts.push({ where: `Export ${format} (${file.fileName})`, text: file.text });
    }
    expect(texts.some((text) => text.text.includes('[redacted]'))).toBe(true);

    const leaks = await sweep(texts);
    meta.leaks = leakCount(leaks);
    expect(leaks).toEqual([]);
    handled(meta);
  });
});

defineSecretsSweep(() => ({ session, views: () => [popup, panel], key: ECHO_KEY }));
