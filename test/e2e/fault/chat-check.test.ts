/**
 * Fault injection, Check chat (issue 16): the chat check's hostile GET chat answers (`…-b000-…11` to `…17`) and a
 * representative set of HOSTILE_SCENARIOS, which answer the check's GETs as they answer a typing call, fired from
 * the popup with the panel open beside it. For each: the views never crash, the check ends in exactly one settled
 * "Check chat" entry of a sensible kind, nothing the server sent becomes markup or a link off docs.linqapp.com,
 * the mock received exactly the GETs expected (no redirect followed), and the key is nowhere but in Authorization.
 */
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { BODY_PREVIEW_MAX } from '../../../src/background/transport.ts';
import { MOCK_OWN_NUMBER, MOCK_THEIR_NUMBER } from '../../mock-linq/chat-bodies.ts';
import { CHAT_SCENARIO_DEFS, chatScenarioId } from '../../mock-linq/chat-scenarios.ts';
import { HOSTILE_SCENARIOS } from '../../mock-linq/scenarios.ts';
import type { RecordedRequest } from '../../mock-linq/server.ts';
import { configure } from '../harness/configure.ts';
import { expectNewEntry, historyItemFor, statusLabelOf } from '../harness/history.ts';
import { describedValue, openDetails, responseHeader } from '../harness/outcome.ts';
import { openView } from '../harness/views.ts';
import { readHistoryDb, type StoredEntry } from './lib/db.ts';
import { useFaultSession } from './lib/fault-session.ts';
import { handled, recordFault } from './lib/meta.ts';
import { FAULT_KEY, leakCount, leaksInViews, sweepForKey } from './lib/secrets.ts';
import { expectViewsSafe, shownStatus, viewSafety } from './lib/view-checks.ts';

const DEFAULT_TIMEOUT_S = 15;

let popup: Page;
let panel: Page;
let timeoutSeconds = DEFAULT_TIMEOUT_S;

const session = useFaultSession({
  firstView: 'panel',
  async setUp() {
    panel = session.first;
    popup = await openView(session.extension, 'popup');
    await configure(popup, { baseUrl: session.baseUrl, apiKey: FAULT_KEY, timeoutSeconds });
  },
});

type Kind = 'success' | 'linq_error' | 'http_failure' | 'network' | 'timeout';

type CheckEntry = StoredEntry & {
  operation: string;
  method: string;
  outcome: { kind: string; summary: string; docUrl?: string; serverMessage?: string };
  response?: { bodyPreview: string; bodyTruncated?: boolean };
  diagnosis?: { readable: boolean; healthDocUrl?: string; activity: { state: string } };
};

interface Seen {
  latest: Locator;
  /** The popup's "Chat check" region. */
  check: Locator;
  /** The panel's "Entry details" region for the entry. */
  details: Locator;
  entry: CheckEntry;
  newRequests: RecordedRequest[];
}

interface Case {
  name: string;
  chatId: string;
  kind: Kind;
  /** The status label of the history item and the latest result. */
  label: string;
  /** The GETs the mock must receive, in order. */
  gets: ReadonlyArray<'chat' | 'messages'>;
  /** The verdict after "Verdict:"; absent when the check says nothing of the chat (no Chat check region). */
  verdict?: string;
  /** Each finding as the popup shows it (masked handles included). */
  findings?: readonly string[];
  timeoutSeconds?: number;
  /** A dead connection: Chromium may re-send the GET once on a fresh one (the extension sent it once). */
  browserMayResend?: boolean;
  check?(seen: Seen): Promise<void> | void;
}

const chatId = (name: string) => chatScenarioId(CHAT_SCENARIO_DEFS.find((def) => def.name === name)!.n);
const hostile = (name: string) => HOSTILE_SCENARIOS.find((scenario) => scenario.name === name)!.chatId;

const UNREADABLE = 'Typing will be accepted but may not show (the chat’s answer could not be read)';
const NOT_AN_OBJECT = 'not a JSON object';
const unreadableFinding = (why: string) =>
  `Warning: The chat: the answer could not be read as a chat (${why}); nothing could be checked.`;
const ONE_TO_ONE = [
  'Good: One-to-one chat: typing indicators are supported.',
  'Good: Chat service: iMessage.',
  'Good: Participant 1 (you): iMessage. (+1 ••• ••• 4444)',
];
const NONE_LEFT = 'Good: Participants: none of the 2 has left or been removed.';

/** The links of the popup's and the panel's Chat check regions. */
async function checkLinks(seen: Seen): Promise<Array<string | null>> {
  const links = [
    ...(await seen.check.getByRole('link').all()),
    ...(await seen.details.getByRole('region', { name: 'Chat check' }).getByRole('link').all()),
  ];
  return Promise.all(links.map((link) => link.getAttribute('href')));
}

function unreadable(name: string, why: string, check?: Case['check']): Case {
  return {
    name,
    chatId: chatId(name),
    kind: 'success',
    label: '200 Success',
    // Not readable as a chat: nothing says typing can work, so the messages are not asked for.
    gets: ['chat'],
    verdict: UNREADABLE,
    findings: [unreadableFinding(why)],
    check(seen) {
      expect(seen.entry.diagnosis).toMatchObject({ readable: false, activity: { state: 'not_checked' } });
      return check?.(seen);
    },
  };
}

function redirect(name: string): Case {
  return {
    name,
    chatId: hostile(name),
    kind: 'http_failure',
    label: 'HTTP failure',
    gets: ['chat'],
    check({ entry }) {
      expect(entry.outcome.summary).toBe('Redirect refused');
      // Chrome's DevTools may announce the target, but nothing was fetched from it, nor from the mock's /elsewhere.
      const followed = session.observer.requests.filter(
        (request) => (request.url.includes('evil.example') || request.url.includes('/elsewhere')) && request.finished,
      );
      expect(followed).toEqual([]);
      expect(session.mock.requests.filter((request) => request.path.includes('/elsewhere'))).toEqual([]);
    },
  };
}

/** A body longer than any request's preview: kept as that preview, marked cut, as a typing call keeps it. */
async function previewCut({ entry, details }: Seen): Promise<void> {
  expect(entry.response?.bodyTruncated).toBe(true);
  expect(entry.response?.bodyPreview.length).toBeGreaterThan(0);
  expect(entry.response?.bodyPreview.length).toBeLessThanOrEqual(BODY_PREVIEW_MAX);
  expect(await details.getByRole('heading', { name: 'Body preview (cut)' }).count()).toBe(1);
}

const CASES: readonly Case[] = [
  unreadable('chat-array', NOT_AN_OBJECT),
  {
    name: 'chat-wrong-types',
    chatId: chatId('chat-wrong-types'),
    kind: 'success',
    label: '200 Success',
    gets: ['chat', 'messages'],
    verdict:
      'Typing will be accepted but may not show (not known to be one-to-one; chat service unknown; no participants listed; chat health unknown; recent activity unknown)',
    // Every field of the wrong type reads as absent, and says so.
    findings: [
      'Warning: Group or one-to-one: could not tell (the answer has no is_group).',
      'Warning: Chat service: not given.',
      'Warning: Participants: none listed.',
      'Warning: Chat health: not given.',
      'Warning: Recent activity: could not tell (the messages’ dates could not be read).',
    ],
  },
  {
    name: 'chat-markup',
    chatId: chatId('chat-markup'),
    kind: 'success',
    label: '200 Success',
    gets: ['chat', 'messages'],
    verdict: 'Typing will be accepted but may not show (chat health AT_RISK; recent activity unknown)',
    findings: [
      ...ONE_TO_ONE,
      // The handle `<img …>\u202e4444`, masked: its first two characters, as text.
      'Good: Participant 2: iMessage. (<i ••• ••• 4444)',
      NONE_LEFT,
      'Warning: Chat health: AT_RISK.',
      'Warning: Recent activity: could not tell (the messages’ dates could not be read).',
    ],
    async check(seen) {
      // The javascript: doc_url is no link.
      expect(await checkLinks(seen)).toEqual([]);
      const show = seen.check.getByRole('button', { name: 'Show handles' });
      await show.click();
      await expect.poll(() => show.getAttribute('aria-pressed')).toBe('true');
      // Shown, the handle is text, its bidi override escaped: no element, no script run.
      const second = seen.check.getByRole('listitem').nth(3);
      expect(await second.textContent()).toBe(
        'Good: Participant 2: iMessage. (<img src=x onerror="window.__pwned=1">\\u{202e}4444)',
      );
      const safety = await viewSafety(popup);
      expect(safety).toMatchObject({ badLinks: [], markup: [], rawControl: [] });
      expect(safety.pwned).toBeUndefined();
      await show.click();
      expect(JSON.stringify(seen.entry)).not.toContain('onerror');
    },
  },
  {
    name: 'chat-foreign-doc',
    chatId: chatId('chat-foreign-doc'),
    kind: 'success',
    label: '200 Success',
    gets: ['chat', 'messages'],
    verdict: 'Typing will be accepted but may not show (chat health CRITICAL)',
    findings: [
      ...ONE_TO_ONE,
      'Good: Participant 2: iMessage. (+1 ••• ••• 4444)',
      NONE_LEFT,
      'Warning: Chat health: CRITICAL.',
      'Good: Recent activity: a message 1 min ago, within the 5-minute rule.',
    ],
    async check(seen) {
      // https://evil.example/ is no link, is not kept, and is nowhere in either view.
      expect(await checkLinks(seen)).toEqual([]);
      expect(seen.entry.diagnosis?.healthDocUrl).toBeUndefined();
      expect(JSON.stringify(seen.entry)).not.toContain('evil.example');
      for (const region of [seen.latest, seen.details]) expect(await region.innerHTML()).not.toContain('evil.example');
    },
  },
  unreadable('chat-huge', 'over the 512 KiB the check reads', async ({ entry, details }) => {
    // 2 MiB arrived (its Content-Length says so); the body is a valid chat, unreadable only because the read
    // stopped at its limit. Nothing of it is kept.
    expect(Number(await responseHeader(details, 'content-length'))).toBeGreaterThan(2 * 1024 * 1024);
    expect(entry.response?.bodyPreview).toBe('');
    expect(JSON.stringify(entry).length).toBeLessThan(BODY_PREVIEW_MAX);
  }),
  unreadable('chat-html-200', NOT_AN_OBJECT),
  {
    name: 'chat-messages-500',
    chatId: chatId('chat-messages-500'),
    kind: 'success',
    label: '200 Success',
    gets: ['chat', 'messages'],
    verdict: 'Typing will be accepted but may not show (recent activity unknown)',
    findings: [
      ...ONE_TO_ONE,
      'Good: Participant 2: iMessage. (+1 ••• ••• 4444)',
      NONE_LEFT,
      'Good: Chat health: HEALTHY. Documentation',
      'Warning: Recent activity: could not tell (the messages request failed with HTTP 500).',
    ],
    async check(seen) {
      // The chat's own docs.linqapp.com link is kept: the two cases above have none because theirs are not.
      const healthy = 'https://docs.linqapp.com/guides/chats/chat-health#healthy';
      expect(await checkLinks(seen)).toEqual([healthy, healthy]);
    },
  },
  // HOSTILE_SCENARIOS, answering GET chat as they answer a typing call.
  {
    name: 'html-502',
    chatId: hostile('html-502'),
    kind: 'http_failure',
    label: '502 HTTP failure',
    gets: ['chat'],
    async check({ details }) {
      // The proxy's page is kept as any request's preview, and shown as text.
      const preview = details.getByRole('region', { name: 'Response body preview' });
      expect(await preview.textContent()).toContain('<h1>502 Bad Gateway</h1>');
    },
  },
  {
    name: 'oversized-500',
    chatId: hostile('oversized-500'),
    kind: 'http_failure',
    label: '500 HTTP failure',
    gets: ['chat'],
    async check(seen) {
      await previewCut(seen);
      expect(await describedValue(seen.latest, 'Note')).toMatch(/too large/);
    },
  },
  {
    name: 'markup-message',
    chatId: hostile('markup-message'),
    kind: 'linq_error',
    label: '500 Linq error',
    gets: ['chat'],
    async check({ latest }) {
      expect(await describedValue(latest, 'Message')).toBe(
        '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>',
      );
    },
  },
  {
    name: 'doc-foreign',
    chatId: hostile('doc-foreign'),
    kind: 'linq_error',
    label: '404 Linq error',
    gets: ['chat'],
    verdict: 'Typing will be refused (Chat not found)',
    findings: ['Blocker: The chat: 404 · 2001 Chat not found. Documentation'],
    async check(seen) {
      // The refusal links the catalogue's page for 2001, never the evil doc_url the answer named.
      const docs = 'https://docs.linqapp.com/error/codes/2xxx/2001/';
      expect(seen.entry.outcome.docUrl).toBe(docs);
      expect(await checkLinks(seen)).toEqual([docs, docs]);
    },
  },
  redirect('redirect-foreign'),
  redirect('redirect-same'),
  {
    name: 'echo-message',
    chatId: hostile('echo-message'),
    kind: 'linq_error',
    label: '401 Linq error',
    gets: ['chat'],
    verdict: 'Typing will be refused (Unauthorized)',
    findings: ['Blocker: The chat: 401 · 2004 Unauthorized. Documentation'],
    async check({ latest, entry }) {
      expect(entry.outcome.serverMessage).toBe('Invalid API key: [redacted]');
      expect(await describedValue(latest, 'Message')).toBe('Invalid API key: [redacted]');
    },
  },
  redirect('echo-location'),
  {
    name: 'echo-html',
    chatId: hostile('echo-html'),
    kind: 'http_failure',
    label: '401 HTTP failure',
    gets: ['chat'],
    check: ({ entry }) => expect(entry.response?.bodyPreview.split('[redacted]')).toHaveLength(4),
  },
  {
    name: 'echo-straddle',
    chatId: hostile('echo-straddle'),
    kind: 'http_failure',
    label: '401 HTTP failure',
    gets: ['chat'],
    async check(seen) {
      // The key sat across the preview's cut: the preview ends with [redacted], not with half the key.
      await previewCut(seen);
      expect(seen.entry.response?.bodyPreview.endsWith('[redacted]')).toBe(true);
    },
  },
  {
    name: 'drop',
    chatId: hostile('drop'),
    kind: 'network',
    label: 'Network failure',
    gets: ['chat'],
    browserMayResend: true,
  },
  {
    name: 'reset',
    chatId: hostile('reset'),
    kind: 'network',
    label: 'Network failure',
    gets: ['chat'],
    browserMayResend: true,
  },
  { name: 'hang', chatId: hostile('hang'), kind: 'timeout', label: 'Timeout', gets: ['chat'], timeoutSeconds: 1 },
  {
    name: 'headers-then-hang',
    chatId: hostile('headers-then-hang'),
    kind: 'timeout',
    label: 'Timeout',
    gets: ['chat'],
    timeoutSeconds: 1,
  },
];

const KINDS: readonly string[] = ['success', 'linq_error', 'http_failure', 'network', 'timeout'];

/** Elements a server's text would create if rendered as markup, looked for in the panel's Entry details. */
const SERVER_MARKUP = 'img, script, b, i, iframe, object, embed, svg, style, link, h1, title, center, hr';

/** A finding's masked handle, which only the view that asked has (the reply's handles are never stored). */
const withoutHandle = (finding: string) => finding.replace(/ \([^()]*••• ••• \d{4}\)/, '');

function expectedPaths(scenario: Case): string[] {
  const chat = `/api/partner/v3/chats/${scenario.chatId}`;
  return scenario.gets.map((get) => `GET ${get === 'chat' ? chat : `${chat}/messages`}`);
}

async function closeDetails(): Promise<void> {
  const close = panel.getByRole('button', { name: 'Close details' });
  if ((await close.count()) === 0) return;
  await panel.bringToFront();
  await close.click();
}

async function shownFindings(region: Locator): Promise<string[]> {
  const items = await region.getByRole('list', { name: 'Findings' }).getByRole('listitem').allTextContents();
  return items.map((item) => item.replace(/\s+/g, ' ').trim());
}

async function shownVerdict(region: Locator): Promise<string> {
  const text = await region
    .getByRole('paragraph')
    .filter({ hasText: /^Verdict:/ })
    .textContent();
  return (text ?? '').replace(/^Verdict:\s*/, '').trim();
}

test('the views render no markup, no foreign link and no raw control character before any check', async () => {
  for (const page of [popup, panel]) {
    expect(await viewSafety(page)).toMatchObject({ badLinks: [], markup: [], rawControl: [] });
  }
});

test.for(CASES)('$name ($chatId)', async (scenario, { task }) => {
  const meta = recordFault(task, 'chat check');
  const wantTimeout = scenario.timeoutSeconds ?? DEFAULT_TIMEOUT_S;
  if (wantTimeout !== timeoutSeconds) {
    await configure(popup, { timeoutSeconds: wantTimeout });
    timeoutSeconds = wantTimeout;
  }
  // A case that failed may have left its details open: their body preview is not this case's.
  await closeDetails();
  const before = session.mock.requests.length;
  const item = await expectNewEntry(
    popup,
    scenario.chatId,
    async () => {
      await popup.bringToFront();
      await popup.getByRole('textbox', { name: 'Chat ID' }).fill(scenario.chatId);
      await popup.getByRole('button', { name: 'Check chat' }).click();
    },
    { timeout: 15_000 },
  );
  const newRequests = session.mock.requests.slice(before);

  // Exactly the GETs expected, each with the key in Authorization; the messages page asked for 20.
  const paths = expectedPaths(scenario);
  const sent = newRequests.map((request) => `${request.method} ${request.path}`);
  expect(scenario.browserMayResend ? [paths, [...paths, ...paths]] : [paths]).toContainEqual(sent);
  for (const request of newRequests) expect(request.authorization).toBe(`Bearer ${FAULT_KEY}`);
  if (scenario.gets.includes('messages')) {
    const asked = session.observer.requests.filter((request) => request.url.includes(`${scenario.chatId}/messages`));
    expect(asked.map((request) => new URL(request.url).search)).toEqual(['?limit=20']);
  }

  // One settled "Check chat" entry, of a sensible kind.
  const entries = (await readHistoryDb(popup)).filter((entry) => entry.chatId === scenario.chatId) as CheckEntry[];
  meta.lost = entries.filter((entry) => entry.state === 'settled').length === 1 ? 0 : 1;
  expect(entries.map((entry) => [entry.state, entry.operation, entry.method])).toEqual([
    ['settled', 'chat.check', 'GET'],
  ]);
  const entry = entries[0]!;
  expect(KINDS).toContain(entry.outcome.kind);
  expect(entry.outcome.kind).toBe(scenario.kind);
  if (entry.outcome.docUrl !== undefined) expect(entry.outcome.docUrl).toMatch(/^https:\/\/docs\.linqapp\.com\//);
  if (entry.response) expect(entry.response.bodyPreview.length).toBeLessThanOrEqual(BODY_PREVIEW_MAX);
  // Handles and message text are never kept.
  for (const kept of [MOCK_OWN_NUMBER, MOCK_THEIR_NUMBER, 'mock message'])
    expect(JSON.stringify(entry)).not.toContain(kept);

  const latest = popup.getByRole('region', { name: 'Latest result' });
  expect(await statusLabelOf(item)).toBe(scenario.label);
  expect(await item.textContent()).toContain('Check chat');
  expect(((await latest.locator('.result-summary strong').textContent()) ?? '').trim()).toBe(scenario.label);

  // Nothing the server sent became markup, a foreign link, script, or an unescaped control character.
  const views = [popup, panel];
  await expect.poll(() => shownStatus(panel, scenario.chatId), { timeout: 5_000, interval: 25 }).toBe(scenario.label);
  await expectViewsSafe(views);

  // The panel, open all along, lists the same entry; its details give the same diagnosis, without handles.
  await panel.bringToFront();
  const details = await openDetails(panel, historyItemFor(panel, scenario.chatId), scenario.chatId);
  expect(await historyItemFor(panel, scenario.chatId).textContent()).toContain('Check chat');
  const check = latest.getByRole('region', { name: 'Chat check' });
  const panelCheck = details.getByRole('region', { name: 'Chat check' });
  if (scenario.verdict === undefined) {
    // A failure that says nothing of the chat: no diagnosis in either view.
    expect(await check.count()).toBe(0);
    expect(await panelCheck.count()).toBe(0);
  } else {
    expect(await shownVerdict(check)).toBe(scenario.verdict);
    expect(await shownFindings(check)).toEqual(scenario.findings);
    expect(await shownVerdict(panelCheck)).toBe(scenario.verdict);
    expect(await shownFindings(panelCheck)).toEqual(scenario.findings?.map(withoutHandle));
    expect(await panelCheck.getByRole('button', { name: 'Show handles' }).count()).toBe(0);
  }
  // The details show the body preview as sent, new lines included (so no control-character check there).
  await expectViewsSafe([panel], { rawControl: false });
  expect(await details.locator(SERVER_MARKUP).count()).toBe(0);

  await scenario.check?.({ latest, check, details, entry, newRequests });

  const leaks = await leaksInViews(views);
  await closeDetails();
  meta.leaks = leakCount(leaks) + (JSON.stringify(entries).includes(FAULT_KEY) ? 1 : 0);
  expect(leaks).toEqual([]);
  expect(meta.leaks).toBe(0);
  handled(meta);
});

/**
 * The sweep of fault-session.ts's defineSecretsSweep, over GETs: it counts typing calls, of which this file
 * makes none. After every check, the key is nowhere but in the Authorization header of each GET.
 */
test('secrets: after the checks, the key is nowhere but in the Authorization header', async ({ task }) => {
  const meta = recordFault(task, 'secrets');
  const leaks = await sweepForKey({
    page: popup,
    views: [popup, panel],
    observer: session.observer,
    mockRequests: session.mock.requests,
  });
  meta.leaks = leakCount(leaks);
  expect(leaks).toEqual([]);
  const gets = session.mock.requests.filter((request) => request.method === 'GET');
  expect(gets.length).toBeGreaterThanOrEqual(CASES.length);
  expect(new Set(gets.map((request) => request.authorization))).toEqual(new Set([`Bearer ${FAULT_KEY}`]));
  expect(session.observer.requests.some((request) => request.fromWorker)).toBe(true);
  handled(meta);
});
