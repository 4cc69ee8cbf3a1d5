/**
 * The panel paints from the popup's first-paint copy in its first frame, as the popup does, then the stored
 * settings, key and the worker's newer copy of the history take over; with no copy, it waits for them. It keeps
 * that copy itself too, so it paints at once even for someone who never opens the popup.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { answeredEntry, createFakeClient } from './fake-client.ts';
import { CHAT } from './views.tsx';
import { renderPanel } from './views.tsx';

const URL = DEFAULT_SETTINGS.profiles[0]!.baseUrl;
const OTHER_CHAT = '9f0e1d2c-3b4a-4958-8776-655443322110';

/** Stored now: 3 entries, the newest to OTHER_CHAT; the copy was written when there was only the oldest. */
function stored(): HistoryEntry[] {
  const template = answeredEntry('typing.stop', CHAT, URL);
  return [
    { ...template, id: 'entry-3', chatId: OTHER_CHAT },
    { ...template, id: 'entry-2', startedAt: template.startedAt - 1_000 },
    { ...template, id: 'entry-1', startedAt: template.startedAt - 2_000 },
  ];
}

function openPanel(firstPaint?: { entries: HistoryEntry[]; total: number }) {
  const history = stored();
  const client = createFakeClient({
    history,
    keys: { production: 'sk_stored' },
    firstPaint: firstPaint && { settings: structuredClone(DEFAULT_SETTINGS), recent: firstPaint },
    holdInitial: true,
  });
  client.holdIndex();
  renderPanel(client);
  return client;
}

const count = () => document.querySelector('.history .count')?.textContent;
const keyStatus = () => screen.getByRole('button', { name: /^Key: / });

describe('Panel first paint', () => {
  it('paints the copy at once, key status loading, then the stored values and the newer count take over', async () => {
    const client = openPanel({ entries: [stored()[2]!], total: 1 });
    // The first render, before any read has answered.
    expect(keyStatus().textContent).toBe('Key: loading…');
    expect(keyStatus().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Chat ID' })).toBeTruthy();
    expect(count()).toBe('Loading search… 0 of 1');

    await client.storedValuesArrive();
    expect(keyStatus().textContent).toBe('Key: session ✓');
    // The worker's copy knows of 3 entries; the newest rows are read, the index is still held.
    expect(count()).toBe('Loading search… 0 of 3');
    const table = screen.getByRole('listbox', { name: 'History entries' });
    expect(within(table).getAllByRole('option')[0]!.textContent).toContain(OTHER_CHAT.slice(0, 8));
  });

  it('says "No requests yet." in its first frame when the copy holds none, and corrects it when there are', async () => {
    const client = openPanel({ entries: [], total: 0 });
    expect(screen.getByText('No requests yet.')).toBeTruthy();
    await client.storedValuesArrive();
    expect(screen.queryByText('No requests yet.')).toBeNull();
    expect(count()).toBe('Loading search… 0 of 3');
  });

  it('without a copy, waits for the stored values before it renders the form', async () => {
    const client = openPanel();
    expect(screen.queryByRole('textbox', { name: 'Chat ID' })).toBeNull();
    expect(screen.getByText('Loading…')).toBeTruthy();
    await client.storedValuesArrive();
    expect(keyStatus().textContent).toBe('Key: session ✓');
  });

  it('keeps the copy itself: the newest five unfiltered entries and the count, never the key', async () => {
    const template = answeredEntry('typing.stop', CHAT, URL);
    const seven = Array.from({ length: 7 }, (_, at) => ({
      ...template,
      id: `entry-${7 - at}`,
      startedAt: template.startedAt - at * 1_000,
    }));
    const client = createFakeClient({ history: seven, keys: { production: 'sk_stored' }, holdInitial: true });
    renderPanel(client);
    await client.storedValuesArrive();
    await waitFor(() => expect(client.stored.firstPaint?.recent.total).toBe(7));
    expect(client.stored.firstPaint!.recent.entries.map((entry) => entry.id)).toEqual([
      'entry-7',
      'entry-6',
      'entry-5',
      'entry-4',
      'entry-3',
    ]);
    // A result after opening is in the copy the next opening paints.
    fireEvent.input(screen.getByRole('textbox', { name: 'Chat ID' }), { target: { value: OTHER_CHAT } });
    fireEvent.click(screen.getByRole('button', { name: 'Stop typing' }));
    await waitFor(() => expect(client.stored.firstPaint?.recent.entries[0]!.chatId).toBe(OTHER_CHAT));
    const copy = client.stored.firstPaint!;
    expect(copy.recent.total).toBe(8);
    expect(copy.recent.entries).toHaveLength(5);
    expect(JSON.stringify(copy)).not.toContain('sk_stored');
    cleanup();

    // The next panel, its reads not answered yet: the rows and the count come from that copy.
    const next = createFakeClient({ history: seven, firstPaint: copy, holdInitial: true });
    next.holdIndex();
    renderPanel(next);
    const rows = within(screen.getByRole('listbox', { name: 'History entries' })).getAllByRole('option');
    expect(rows).toHaveLength(5);
    expect(rows[0]!.textContent).toContain(OTHER_CHAT.slice(0, 8));
    expect(count()).toBe('Loading search… 0 of 8');
  });
});
