import type { Locator, Page } from 'playwright-core';
import { chatScenarioId } from '../../mock-linq/chat-scenarios.ts';
import { MOCK_OWN_NUMBER, MOCK_THEIR_NUMBER } from '../../mock-linq/chat-bodies.ts';
import { linqErrorChat } from './chat-ids.ts';
import { expectNewEntry } from './history.ts';
import { waitUntil } from './wait.ts';

/**
 * Check chat (issue 16) against the mock's scenario chats: what each one's diagnosis must say, and how a test
 * fires a check and reads the "Chat check" region (its verdict and its "Findings" list) by accessible names.
 */
export interface CheckCase {
  name: string;
  chatId: string;
  /** The History row's status label. */
  status: string;
  verdict: string;
  /** One line of the Findings list, level word first, as it reads without handles. */
  finding: string;
  /** The only links the Chat check region holds. */
  links: string[];
  /** Whether the check goes on to read the chat's messages (not when typing is refused anyway). */
  readsMessages: boolean;
  /** A refused chat's decoded Linq error: its code, meaning and documentation link. */
  error?: { code: number; meaning: string; docUrl: string };
}

const MAY_NOT_SHOW = 'Typing will be accepted but may not show';
const health = (status: string) => `https://docs.linqapp.com/guides/chats/chat-health#${status}`;
const codeDoc = (code: number) => `https://docs.linqapp.com/error/codes/2xxx/${code}/`;

export const CHECK_CASES: readonly CheckCase[] = [
  {
    name: 'healthy',
    chatId: chatScenarioId(0x01),
    status: '200 Success',
    verdict: 'Typing can work in this chat',
    finding: 'Good: Recent activity: a message 1 min ago, within the 5-minute rule.',
    links: [health('healthy')],
    readsMessages: true,
  },
  {
    name: 'group',
    chatId: chatScenarioId(0x02),
    status: '200 Success',
    verdict: 'Typing will be refused (group chat)',
    finding: 'Blocker: Group chat: typing indicators are not supported, and the typing endpoints answer 403.',
    links: [health('healthy')],
    readsMessages: false,
  },
  {
    name: 'SMS',
    chatId: chatScenarioId(0x03),
    status: '200 Success',
    verdict: `${MAY_NOT_SHOW} (SMS chat; a participant on SMS)`,
    finding: 'Warning: Chat service: SMS. SMS/RCS: the call succeeds but no indicator is shown.',
    links: [health('healthy')],
    readsMessages: true,
  },
  {
    name: 'stale',
    chatId: chatScenarioId(0x04),
    status: '200 Success',
    verdict: `${MAY_NOT_SHOW} (no message in the last 5 minutes)`,
    finding:
      'Warning: Recent activity: the newest message is 2 h old; the recipient must have sent or received a message in about the last 5 minutes.',
    links: [health('healthy')],
    readsMessages: true,
  },
  {
    name: 'participant left',
    chatId: chatScenarioId(0x05),
    status: '200 Success',
    verdict: `${MAY_NOT_SHOW} (a participant left)`,
    finding: 'Warning: Participant 2 left the chat.',
    links: [health('healthy')],
    readsMessages: true,
  },
  {
    name: 'unhealthy',
    chatId: chatScenarioId(0x06),
    status: '200 Success',
    verdict: `${MAY_NOT_SHOW} (chat health CRITICAL)`,
    finding: 'Warning: Chat health: CRITICAL. Documentation',
    links: [health('critical')],
    readsMessages: true,
  },
  {
    name: '404/2001',
    chatId: linqErrorChat(2001),
    status: '404 Linq error',
    verdict: 'Typing will be refused (Chat not found)',
    finding: 'Blocker: The chat: 404 · 2001 Chat not found. Documentation',
    links: [codeDoc(2001)],
    readsMessages: false,
    error: { code: 2001, meaning: 'Chat not found', docUrl: codeDoc(2001) },
  },
  {
    name: '403/2005',
    chatId: linqErrorChat(2005),
    status: '403 Linq error',
    verdict: 'Typing will be refused (Access denied)',
    finding: 'Blocker: The chat: 403 · 2005 Access denied. Documentation',
    links: [codeDoc(2005)],
    readsMessages: false,
    error: { code: 2005, meaning: 'Access denied', docUrl: codeDoc(2005) },
  },
];

/** What must never be kept or shown unmasked: the mock's participants' numbers and its message text. */
export const PRIVATE_TEXTS: readonly string[] = [
  MOCK_OWN_NUMBER,
  MOCK_THEIR_NUMBER,
  '+14155550123',
  ...[MOCK_OWN_NUMBER, MOCK_THEIR_NUMBER].map((number) => number.slice(2)),
  'mock message',
];

/** A masked phone number as the view shows it (both mock numbers end in 4444). */
export const MASKED_HANDLE = '(+1 ••• ••• 4444)';

/** Types the chat ID, presses Check chat, and returns its settled History entry. */
export function checkChat(page: Page, chatId: string): Promise<Locator> {
  return expectNewEntry(
    page,
    chatId,
    async () => {
      // A background tab's frames are throttled, which makes every click wait ~1 s for a stable element.
      await page.bringToFront();
      await page.getByRole('textbox', { name: 'Chat ID' }).fill(chatId);
      await page.getByRole('button', { name: 'Check chat', exact: true }).click();
    },
    { timeout: 15_000 },
  );
}

export interface ShownDiagnosis {
  verdict: string;
  findings: string[];
  links: string[];
}

const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The "Chat check" region inside `scope`. */
export function chatCheckRegion(scope: Locator): Locator {
  return scope.getByRole('region', { name: 'Chat check' });
}

/** Reads the verdict (without its "Verdict:" label), each finding's text and the links of a Chat check region. */
export async function readDiagnosis(region: Locator): Promise<ShownDiagnosis> {
  const verdict = clean(
    await region
      .getByRole('paragraph')
      .filter({ hasText: /^Verdict:/ })
      .textContent(),
  );
  const findings = (await region.getByRole('list', { name: 'Findings' }).getByRole('listitem').allTextContents()).map(
    clean,
  );
  const links = await region.getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  return { verdict: verdict.replace(/^Verdict: /, ''), findings, links: links.map(String) };
}

/**
 * Waits until `scope` (a Latest result or the Entry details) shows this chat's Chat check, then reads it. The
 * popup loads the view lazily on its first check, and `isThisChat` tells this chat's result from the last one.
 */
export async function waitForDiagnosis(
  scope: Locator,
  isThisChat: () => Promise<boolean>,
  what: string,
): Promise<ShownDiagnosis> {
  const region = chatCheckRegion(scope);
  await waitUntil(async () => (await isThisChat()) && (await region.count()) === 1, {
    timeout: 10_000,
    message: `no Chat check shown for ${what}`,
    describe: async () => clean(await scope.textContent({ timeout: 1_000 })).slice(0, 400),
  });
  return readDiagnosis(region);
}
