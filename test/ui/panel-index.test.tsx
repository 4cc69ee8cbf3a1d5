/**
 * The panel opens in constant time (issue 14, item 4): it paints its first rows from the newest entries alone,
 * then loads the search index a chunk at a time, saying how far it is; search and filters say they are not
 * ready until it is in, then give the same results as over the whole index.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/history.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { answeredEntry, createFakeClient } from './fake-client.ts';
import { renderPanel } from './views.tsx';

const URL = DEFAULT_SETTINGS.profiles[0]!.baseUrl;
const ENTRIES = 5_000;
/** Every 10th entry is to this chat: a search for it matches 500. */
const RARE_CHAT = '9f0e1d2c-3b4a-4958-8776-655443322110';

function history(): HistoryEntry[] {
  const template = answeredEntry('typing.stop', '1b4e28ba-2fa1-4d2b-883f-0016d3cca427', URL);
  return Array.from({ length: ENTRIES }, (_, i) => ({
    ...template,
    id: `entry-${String(i).padStart(5, '0')}`,
    startedAt: template.startedAt - i * 1_000,
    chatId: i % 10 === 0 ? RARE_CHAT : template.chatId,
  }));
}

const count = () => document.querySelector('.history .count')?.textContent;

/**
 * The panel opens a new result's details beside the table; their code loads then. Waiting for them also keeps
 * that load from outliving the file (vitest fails a run on a module still loading at teardown).
 */
async function newResultDetails(chatId: string) {
  const pane = await screen.findByRole('region', { name: 'Entry details' });
  await waitFor(() => expect(pane.textContent).toContain(chatId));
}

async function openHeld() {
  const client = createFakeClient({ history: history() });
  client.holdIndex();
  renderPanel(client);
  const table = await screen.findByRole('listbox', { name: 'History entries' });
  return { client, table };
}

describe('Panel opening', () => {
  it('paints the newest rows before any of the index is read, and says search is loading', async () => {
    const { table } = await openHeld();
    await waitFor(() => expect(within(table).getAllByRole('option').length).toBeGreaterThan(0));
    expect(within(table).getAllByRole('option')[0]!.textContent).toContain(RARE_CHAT.slice(0, 8));
    await waitFor(() => expect(count()).toBe('Loading search… 0 of 5,000'));
  });

  it('loads the index a chunk at a time, then counts every entry', async () => {
    const { client } = await openHeld();
    await waitFor(() => expect(count()).toBe('Loading search… 0 of 5,000'));
    await client.releaseIndexChunks(1);
    await waitFor(() => expect(count()).toBe('Loading search… 3,000 of 5,000'));
    await client.releaseIndexChunks(1);
    await waitFor(() => expect(count()).toBe('5000 entries'));
  });

  it('says search is not ready rather than count the newest rows, then gives the full result', async () => {
    const { client, table: firstRows } = await openHeld();
    await waitFor(() => expect(within(firstRows).getAllByRole('option').length).toBeGreaterThan(0));
    const search = screen.getByRole('searchbox', { name: 'Search history' });
    fireEvent.input(search, { target: { value: RARE_CHAT.slice(0, 8) } });
    await screen.findByText('Search and filters are not ready yet: they run once every entry is loaded.');
    expect(screen.queryByRole('listbox', { name: 'History entries' })).toBeNull();
    await waitFor(() => expect(count()).toBe('Loading search… 0 of 5,000'));
    await client.releaseIndexChunks();
    await waitFor(() => expect(count()).toBe('500 of 5000 entries'));
    const table = screen.getByRole('listbox', { name: 'History entries' });
    // The rows on screen show their entries once read.
    await waitFor(() => {
      const rows = within(table).getAllByRole('option');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.textContent).toContain(RARE_CHAT.slice(0, 8));
    });
  });
});

describe('Panel export after opening', () => {
  it('exports the rows that arrived after the index was loaded too', async () => {
    const client = createFakeClient({ keys: { production: 'sk_live_1234' }, history: history().slice(0, 3) });
    renderPanel(client);
    await waitFor(() => expect(count()).toBe('3 entries'));
    fireEvent.input(screen.getByRole('textbox', { name: 'Chat ID' }), { target: { value: RARE_CHAT } });
    fireEvent.click(screen.getByRole('button', { name: 'Stop typing' }));
    await waitFor(() => expect(count()).toBe('4 entries'));
    await newResultDetails(RARE_CHAT);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText('Exported 4 entries as JSON.');
  });
});

describe('Panel rows after a new result', () => {
  it('the new row never shows "Loading…" on its way from pending to its answer, and search finds it', async () => {
    const client = createFakeClient({ keys: { production: 'sk_live_1234' }, history: history().slice(0, 20) });
    renderPanel(client);
    await waitFor(() => expect(count()).toBe('20 entries'));
    // Search has run once over the old rows, so the new one must be taken in by the search that follows.
    const search = screen.getByRole('searchbox', { name: 'Search history' });
    fireEvent.input(search, { target: { value: RARE_CHAT.slice(0, 8) } });
    await waitFor(() => expect(count()).toBe('2 of 20 entries'));
    fireEvent.input(search, { target: { value: '' } });
    const placeholders: string[] = [];
    const watch = new MutationObserver(() => {
      for (const row of document.querySelectorAll('.virtual-row .placeholder'))
        placeholders.push(row.textContent ?? '');
    });
    watch.observe(document.body, { subtree: true, childList: true });
    const newChat = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    fireEvent.input(screen.getByRole('textbox', { name: 'Chat ID' }), { target: { value: newChat } });
    fireEvent.click(screen.getByRole('button', { name: 'Stop typing' }));
    await waitFor(() => expect(count()).toBe('21 entries'));
    const table = screen.getByRole('listbox', { name: 'History entries' });
    await waitFor(() => expect(within(table).getAllByRole('option')[0]!.textContent).toContain('204'));
    watch.disconnect();
    expect(placeholders).toEqual([]);
    await newResultDetails(newChat);
    fireEvent.input(search, { target: { value: newChat.slice(0, 13) } });
    await waitFor(() => expect(count()).toBe('1 of 21 entries'));
  });
});
