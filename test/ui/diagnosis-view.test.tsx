/**
 * Check chat's result: the verdict and one line per finding, each marked good / warning / blocker in words; the
 * handles masked until asked for; a documentation link only to docs.linqapp.com. Found by accessible names.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ChatFacts } from '../../src/core/check/facts.ts';
import type { HistoryEntry } from '../../src/core/history.ts';
import { decodeOutcome } from '../../src/core/linq/decode.ts';
import { DiagnosisView } from '../../src/ui/components/DiagnosisView.tsx';
import { LatestResult } from '../../src/ui/components/LatestResult.tsx';

const CHAT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const HANDLES = ['+12223334444', '+14155554444'];

function checkEntry(
  diagnosis?: ChatFacts,
  outcome = decodeOutcome(
    { kind: 'response', status: 200, statusText: 'OK', headers: [], body: '{}', bodyTruncated: false, receivedAt: 0 },
    'chat.check',
  ),
): HistoryEntry {
  return {
    id: 'check-1',
    startedAt: Date.UTC(2026, 11, 2, 10),
    durationMs: 12,
    state: 'settled',
    operation: 'chat.check',
    method: 'GET',
    chatId: CHAT,
    baseUrlHost: 'api.linqapp.com',
    request: { url: `https://api.linqapp.com/api/partner/v3/chats/${CHAT}`, headers: [], timeoutMs: 15_000 },
    response: { status: outcome.status ?? 200, statusText: '', headers: [], bodyPreview: '', bodyTruncated: false },
    outcome,
    ...(diagnosis ? { diagnosis } : {}),
  };
}

const facts = (more: Partial<ChatFacts> = {}): ChatFacts => ({
  readable: true,
  group: false,
  service: 'iMessage',
  participantCount: 2,
  participants: [
    { service: 'iMessage', me: true, status: 'active' },
    { service: 'SMS', me: false, status: 'left' },
  ],
  health: 'AT_RISK',
  healthDocUrl: 'https://docs.linqapp.com/guides/chats/chat-health#at-risk',
  activity: { state: 'recent', ageS: 60, read: 2 },
  ...more,
});

describe('DiagnosisView', () => {
  it('shows the verdict and each finding marked in words, handles masked until Show handles', () => {
    render(<DiagnosisView entry={checkEntry(facts())} handles={HANDLES} />);
    const check = screen.getByRole('region', { name: 'Chat check' });
    expect(within(check).getByText(/^Verdict:/).parentElement?.textContent).toBe(
      'Verdict: Typing will be accepted but may not show (a participant on SMS; a participant left; chat health AT_RISK)',
    );
    const findings = within(screen.getByRole('list', { name: 'Findings' })).getAllByRole('listitem');
    expect(findings.map((item) => item.textContent)).toEqual([
      'Good: One-to-one chat: typing indicators are supported.',
      'Good: Chat service: iMessage.',
      'Good: Participant 1 (you): iMessage. (+1 ••• ••• 4444)',
      'Warning: Participant 2: SMS. SMS/RCS: the call succeeds but no indicator is shown. (+1 ••• ••• 4444)',
      'Warning: Participant 2 left the chat. (+1 ••• ••• 4444)',
      'Warning: Chat health: AT_RISK. Documentation',
      'Good: Recent activity: a message 1 min ago, within the 5-minute rule.',
    ]);
    expect(within(check).getByRole('link', { name: 'Documentation' }).getAttribute('href')).toBe(
      'https://docs.linqapp.com/guides/chats/chat-health#at-risk',
    );
    const show = within(check).getByRole('button', { name: 'Show handles' });
    expect(show.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(show);
    expect(show.getAttribute('aria-pressed')).toBe('true');
    expect(findings[3]?.textContent).toContain('(+14155554444)');
  });

  it('has no handles button without handles, and no link off docs.linqapp.com', () => {
    render(<DiagnosisView entry={checkEntry(facts({ healthDocUrl: 'https://evil.example/' }))} />);
    expect(screen.queryByRole('button', { name: 'Show handles' })).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('a refused chat: the decoded error as a blocker; a network failure: no diagnosis', () => {
    const notFound = decodeOutcome(
      {
        kind: 'response',
        status: 404,
        statusText: '',
        headers: [],
        body: JSON.stringify({ success: false, error: { status: 404, code: 2001, message: 'x' } }),
        bodyTruncated: false,
        receivedAt: 0,
      },
      'chat.check',
    );
    const { unmount } = render(<DiagnosisView entry={checkEntry(undefined, notFound)} />);
    expect(screen.getByText(/^Verdict:/).parentElement?.textContent).toBe(
      'Verdict: Typing will be refused (Chat not found)',
    );
    expect(screen.getByRole('listitem').textContent).toMatch(/^Blocker: The chat: 404 · 2001 Chat not found\./);
    unmount();
    render(
      <DiagnosisView
        entry={checkEntry(undefined, decodeOutcome({ kind: 'network', message: 'down' }, 'chat.check'))}
      />,
    );
    expect(screen.queryByRole('region', { name: 'Chat check' })).toBeNull();
  });

  it('the latest result loads the check’s view for a Check chat entry', async () => {
    render(
      <LatestResult
        entry={checkEntry(facts({ participants: [], participantCount: 0 }))}
        inFlight={0}
        onLookupCode={() => undefined}
      />,
    );
    const latest = screen.getByRole('region', { name: 'Latest result' });
    expect(latest.textContent).toContain(`Check chat: GET ${CHAT}`);
    await waitFor(() => expect(within(latest).getByRole('region', { name: 'Chat check' })).toBeTruthy());
  });
});
