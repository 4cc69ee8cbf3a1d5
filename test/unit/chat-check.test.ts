import { describe, expect, it } from 'vitest';
import { readChat, readMessages } from '../../src/core/check/chat-shape.ts';
import { activityFacts, chatFacts, ChatFacts, type ActivityFacts } from '../../src/core/check/facts.ts';
import { PARTICIPANTS_MAX } from '../../src/core/check/limits.ts';
import { ageText, chatFindings, refusalFinding, verdictOf } from '../../src/core/check/findings.ts';
import { maskHandle } from '../../src/core/check/mask-handle.ts';
import { decodeOutcome } from '../../src/core/linq/decode.ts';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const ME = '+12223334444';
const THEM = '+14155554444';

function chat(overrides: Record<string, unknown> = {}, handles?: unknown[]) {
  return {
    id: '1b4e28ba-2fa1-4d2b-883f-0016d3cca427',
    created_at: ago(86_400),
    updated_at: ago(60),
    display_name: null,
    is_archived: false,
    is_group: false,
    service: 'iMessage',
    health_status: {
      status: 'HEALTHY',
      doc_url: 'https://docs.linqapp.com/guides/chats/chat-health#healthy',
      updated_at: ago(60),
    },
    handles: handles ?? [
      { id: 'h1', handle: ME, joined_at: ago(86_400), service: 'iMessage', is_me: true, status: 'active' },
      { id: 'h2', handle: THEM, joined_at: ago(86_400), service: 'iMessage', is_me: false, status: 'active' },
    ],
    ...overrides,
  };
}

const page = (...ages: number[]) => ({
  messages: ages.map((s) => ({ id: 'm', created_at: ago(s), parts: [{ type: 'text', value: 'secret words' }] })),
  next_cursor: null,
});

function diagnose(chatBody: unknown, messagesBody?: unknown) {
  const facts = chatFacts(readChat(chatBody));
  if (messagesBody !== undefined) {
    const messages = readMessages(messagesBody);
    facts.activity = messages ? activityFacts(messages, NOW) : { state: 'unknown', reason: 'unreadable' };
  }
  const findings = chatFindings(facts);
  return { facts, findings, texts: findings.map((f) => `${f.level}: ${f.text}`), verdict: verdictOf(findings) };
}

describe('chat check: the verdict and each finding', () => {
  it('a healthy iMessage 1:1 chat with a message a minute old: typing can work', () => {
    const { texts, verdict, findings } = diagnose(chat(), page(60, 600));
    expect(verdict).toBe('Typing can work in this chat');
    expect(texts).toEqual([
      'good: One-to-one chat: typing indicators are supported.',
      'good: Chat service: iMessage.',
      'good: Participant 1 (you): iMessage.',
      'good: Participant 2: iMessage.',
      'good: Participants: none of the 2 has left or been removed.',
      'good: Chat health: HEALTHY.',
      'good: Recent activity: a message 1 min ago, within the 5-minute rule.',
    ]);
    expect(findings.find((f) => f.text.startsWith('Chat health'))?.docUrl).toBe(
      'https://docs.linqapp.com/guides/chats/chat-health#healthy',
    );
  });

  it('a group chat: refused, as the typing endpoints answer 403', () => {
    const { texts, verdict } = diagnose(chat({ is_group: true }));
    expect(texts[0]).toBe(
      'blocker: Group chat: typing indicators are not supported, and the typing endpoints answer 403.',
    );
    expect(verdict).toBe('Typing will be refused (group chat)');
  });

  it('an SMS chat: accepted, but no indicator is shown', () => {
    const sms = chat({ service: 'SMS' }, [
      { handle: ME, service: 'SMS', is_me: true },
      { handle: THEM, service: 'SMS' },
    ]);
    const { texts, verdict } = diagnose(sms, page(30));
    expect(texts).toContain('warning: Chat service: SMS. SMS/RCS: the call succeeds but no indicator is shown.');
    expect(texts).toContain('warning: Participant 2: SMS. SMS/RCS: the call succeeds but no indicator is shown.');
    expect(verdict).toBe('Typing will be accepted but may not show (SMS chat; a participant on SMS)');
  });

  it('a stale chat whose whole history was read: the newest message is 2 h old', () => {
    const { texts, verdict, facts } = diagnose(chat(), page(7200, 90_000));
    expect(facts.activity).toEqual({ state: 'stale', ageS: 7200, read: 2 });
    expect(texts.at(-1)).toBe(
      'warning: Recent activity: the newest message is 2 h old; the recipient must have sent or received a message in about the last 5 minutes.',
    );
    expect(verdict).toBe('Typing will be accepted but may not show (no message in the last 5 minutes)');
  });

  it('a stale page with more pages after it: could not tell, as the order is not documented', () => {
    const { texts, verdict } = diagnose(chat(), { ...page(7200), next_cursor: 'abc' });
    expect(texts.at(-1)).toBe(
      'warning: Recent activity: could not tell (Linq’s API reference does not say in which order messages are listed, and none of the 1 read is from the last 5 minutes).',
    );
    expect(verdict).toBe('Typing will be accepted but may not show (recent activity unknown)');
  });

  it('a recent message anywhere in an incomplete page proves recent activity', () => {
    expect(diagnose(chat(), { ...page(9000, 45), next_cursor: 'abc' }).verdict).toBe('Typing can work in this chat');
  });

  it('no messages at all, and a failed messages request', () => {
    expect(diagnose(chat(), page()).texts.at(-1)).toMatch(/^warning: Recent activity: the chat has no messages; /);
    const facts = chatFacts(readChat(chat()));
    facts.activity = { state: 'unknown', reason: 'request_failed', status: 500 };
    expect(chatFindings(facts).at(-1)?.text).toBe(
      'Recent activity: could not tell (the messages request failed with HTTP 500).',
    );
  });

  it('a participant who left: a warning; your own number having left: refused with 409', () => {
    const left = diagnose(
      chat({}, [
        { handle: ME, service: 'iMessage', is_me: true },
        { handle: THEM, service: 'iMessage', status: 'left', left_at: ago(100) },
      ]),
      page(10),
    );
    expect(left.texts).toContain('warning: Participant 2 left the chat.');
    expect(left.verdict).toBe('Typing will be accepted but may not show (a participant left)');
    const removed = diagnose(
      chat({}, [
        { handle: ME, service: 'iMessage', is_me: true, left_at: ago(5) },
        { handle: THEM, service: 'iMessage' },
      ]),
      page(10),
    );
    expect(removed.texts).toContain('blocker: Participant 1 (you) left the chat: the typing endpoints answer 409.');
    expect(removed.verdict).toBe('Typing will be refused (you left this chat)');
  });

  it('an unhealthy chat: a warning with its docs.linqapp.com link, never another host', () => {
    const critical = diagnose(
      chat({
        health_status: { status: 'CRITICAL', doc_url: 'https://docs.linqapp.com/guides/chats/chat-health#critical' },
      }),
      page(5),
    );
    const line = critical.findings.find((f) => f.text === 'Chat health: CRITICAL.');
    expect(line).toMatchObject({
      level: 'warning',
      docUrl: 'https://docs.linqapp.com/guides/chats/chat-health#critical',
    });
    expect(critical.verdict).toBe('Typing will be accepted but may not show (chat health CRITICAL)');
    for (const doc_url of [
      'https://evil.example/x',
      'javascript:alert(1)',
      'http://docs.linqapp.com/x',
      'https://user@docs.linqapp.com/',
    ]) {
      const { facts, findings } = diagnose(chat({ health_status: { status: 'AT_RISK', doc_url } }));
      expect(facts.healthDocUrl).toBeUndefined();
      expect(findings.some((f) => f.docUrl !== undefined && f.docUrl === doc_url)).toBe(false);
    }
    expect(diagnose(chat({ health_status: { status: 'WEIRD' } })).texts).toContain(
      'warning: Chat health: a status this version does not know.',
    );
  });

  it('a 404/2001 or 403/2005 to GET chat: refused, with the decoded error', () => {
    const outcome = decodeOutcome(
      {
        kind: 'response',
        status: 404,
        statusText: '',
        headers: [],
        body: JSON.stringify({ success: false, error: { status: 404, code: 2001, message: 'Chat not found' } }),
        bodyTruncated: false,
        receivedAt: NOW,
      },
      'chat.check',
    );
    const finding = refusalFinding(outcome);
    expect(finding).toMatchObject({ level: 'blocker', text: 'The chat: 404 · 2001 Chat not found.' });
    expect(finding?.docUrl).toMatch(/^https:\/\/docs\.linqapp\.com\//);
    expect(verdictOf([finding!])).toBe('Typing will be refused (Chat not found)');
    const network = decodeOutcome({ kind: 'network', message: 'Failed to fetch' }, 'chat.check');
    expect(refusalFinding(network)).toBeUndefined();
    const html = decodeOutcome(
      {
        kind: 'response',
        status: 404,
        statusText: '',
        headers: [],
        body: '<html>nope</html>',
        bodyTruncated: false,
        receivedAt: NOW,
      },
      'chat.check',
    );
    expect(refusalFinding(html)).toBeUndefined();
  });

  it('a 200 to GET chat decodes as "chat read", with no note about a body', () => {
    const ok = decodeOutcome(
      {
        kind: 'response',
        status: 200,
        statusText: 'OK',
        headers: [],
        body: '{}',
        bodyTruncated: false,
        receivedAt: NOW,
      },
      'chat.check',
    );
    expect(ok).toMatchObject({ kind: 'success', summary: '200 · chat read' });
    expect(ok.note).toBeUndefined();
  });
});

describe('chat check: odd bodies', () => {
  it('a body that is not an object is no chat: one warning, nothing else claimed', () => {
    for (const body of [[], [chat()], null, 'chat', 42, true]) {
      const { facts, texts, verdict } = diagnose(body);
      expect(facts.readable).toBe(false);
      expect(facts.unreadable).toBe('not_an_object');
      expect(texts).toEqual([
        'warning: The chat: the answer could not be read as a chat (not a JSON object); nothing could be checked.',
      ]);
      expect(verdict).toBe('Typing will be accepted but may not show (the chat’s answer could not be read)');
    }
  });

  it('a body over the read limit says so; an entry stored before the reason was kept names both', () => {
    const over = chatFacts(undefined, true);
    expect(over).toMatchObject({ readable: false, unreadable: 'over_limit' });
    expect(chatFindings(over).map((finding) => finding.text)).toEqual([
      'The chat: the answer could not be read as a chat (over the 512 KiB the check reads); nothing could be checked.',
    ]);
    const { unreadable: _reason, ...older } = over;
    expect(ChatFacts.parse(older).unreadable).toBeUndefined();
    expect(chatFindings(older)[0]?.text).toBe(
      'The chat: the answer could not be read as a chat (not a JSON object, or over the size limit); nothing could be checked.',
    );
  });

  it('fields of the wrong type read as not given', () => {
    const { facts, texts } = diagnose({ is_group: 'no', service: 'Carrier pigeon', handles: 'all', health_status: [] });
    expect(facts).toMatchObject({ readable: true, participantCount: 0, participants: [] });
    expect(facts.group).toBeUndefined();
    expect(texts).toContain('warning: Group or one-to-one: could not tell (the answer has no is_group).');
    expect(texts).toContain('warning: Chat service: not given.');
    expect(texts).toContain('warning: Participants: none listed.');
    expect(texts).toContain('warning: Chat health: not given.');
    expect(diagnose({ handles: [null, 7, { service: 9, is_me: 'yes', status: 'gone' }] }).facts.participants).toEqual([
      {},
      {},
      {},
    ]);
  });

  it('huge strings and arrays are bounded, and the facts hold no handle or message text', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      handle: `+1555${String(i).padStart(7, '0')}`,
      service: 'iMessage',
    }));
    const { facts } = diagnose(chat({ display_name: 'x'.repeat(1_000_000) }, many), page(10));
    expect(facts.participantCount).toBe(10_000);
    expect(facts.participants).toHaveLength(PARTICIPANTS_MAX);
    expect(ChatFacts.safeParse(facts).success).toBe(true);
    const stored = JSON.stringify(diagnose(chat(), page(10)).facts);
    expect(stored).not.toContain(ME.slice(1));
    expect(stored).not.toContain(THEM.slice(1));
    expect(stored).not.toContain('secret words');
    expect(readChat({ handles: [{ handle: '+1'.repeat(1000), service: 'SMS' }] })?.handles?.[0]).toEqual({
      service: 'SMS',
    });
  });

  it('a messages body that is not a page, and dates that cannot be read', () => {
    expect(readMessages([])).toBeUndefined();
    expect(readMessages({ messages: 'none' })).toBeUndefined();
    expect(readMessages(null)).toBeUndefined();
    const undated = readMessages({ messages: [{ created_at: null }, { created_at: 'yesterday' }, 5] })!;
    expect(activityFacts(undated, NOW)).toEqual<ActivityFacts>({ state: 'unknown', read: 3, reason: 'unreadable' });
    // A stale dated message beside an undated one: the undated one may be newer.
    const mixed = readMessages({ messages: [{ created_at: ago(7200) }, {}], next_cursor: '' })!;
    expect(activityFacts(mixed, NOW)).toMatchObject({ state: 'unknown', reason: 'unreadable' });
    // An hour ahead of this clock is no date; thirty seconds ahead is skew, read as just now.
    const ahead = readMessages({ messages: [{ created_at: new Date(NOW + 3_600_000).toISOString() }] })!;
    expect(activityFacts(ahead, NOW)).toMatchObject({ state: 'unknown', reason: 'unreadable' });
    const skew = readMessages({ messages: [{ created_at: new Date(NOW + 30_000).toISOString() }] })!;
    expect(activityFacts(skew, NOW)).toEqual({ state: 'recent', ageS: 0, read: 1 });
    expect(readMessages({ messages: [], next_cursor: 7 })?.more).toBe(true);
  });
});

describe('chat check: words', () => {
  it('ages', () => {
    expect([ageText(5), ageText(60), ageText(299), ageText(7200), ageText(3 * 86_400)]).toEqual([
      '5 s',
      '1 min',
      '4 min',
      '2 h',
      '3 days',
    ]);
  });
  it('masks handles', () => {
    expect(maskHandle('+14155554444')).toBe('+1 ••• ••• 4444');
    expect(maskHandle('someone@example.com')).toBe('s•••@example.com');
    expect(maskHandle('12345')).toBe('•••');
  });
});
