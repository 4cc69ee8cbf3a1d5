/**
 * The panel's request table and keyboard map, over the fake client: ↑/↓ move the selection (aria-selected,
 * aria-activedescendant), Enter opens the details pane, "/" and Ctrl+F focus search, Esc closes the details
 * first and then clears the search (an open settings drawer closes before either), Ctrl+Enter fires from outside
 * the form, a result is selected, and each row is named by its columns.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { answeredEntry, createFakeClient } from './fake-client.ts';
import { CHAT, renderPanel } from './views.tsx';

const URL = DEFAULT_SETTINGS.profiles[0]!.baseUrl;
const CHATS = [CHAT, '2c5f39cb-3ab2-4e3c-994e-1127e4ddb538', '3d6e4adc-4bc3-4f4d-a05f-2238f5eec649'];

function history() {
  return CHATS.map((chatId, index) => {
    const entry = answeredEntry('typing.stop', chatId, URL);
    return { ...entry, startedAt: entry.startedAt - index * 60_000 };
  });
}

async function openPanel() {
  const client = createFakeClient({ keys: { production: 'sk_live_1234' }, history: history() });
  renderPanel(client);
  const table = await screen.findByRole('listbox', { name: 'History entries' });
  await waitFor(() => expect(within(table).getAllByRole('option')).toHaveLength(CHATS.length));
  // Rows paint before the search index is in; search runs once the count says it is.
  await screen.findByText(`${CHATS.length} entries`);
  return { client, table };
}

const selected = (table: HTMLElement) => within(table).queryAllByRole('option', { selected: true });
const details = () => screen.queryByRole('region', { name: 'Entry details' });
const key = (target: Element, init: KeyboardEventInit) => fireEvent.keyDown(target, init);

describe('Panel keyboard map', () => {
  it('↓/↑ move the selection, named by aria-activedescendant; Enter opens the details pane', async () => {
    const { table } = await openPanel();
    expect(selected(table)).toHaveLength(0);
    key(table, { key: 'ArrowDown' });
    await waitFor(() => expect(selected(table)[0]?.textContent).toContain(CHATS[0]));
    key(table, { key: 'ArrowDown' });
    key(table, { key: 'ArrowDown' });
    key(table, { key: 'ArrowDown' });
    await waitFor(() => expect(selected(table)[0]?.textContent).toContain(CHATS[2]));
    key(table, { key: 'ArrowUp' });
    await waitFor(() => expect(selected(table)[0]?.textContent).toContain(CHATS[1]));
    expect(table.getAttribute('aria-activedescendant')).toBe(selected(table)[0]!.id);
    expect(details()).toBeNull();
    key(table, { key: 'Enter' });
    const pane = await screen.findByRole('region', { name: 'Entry details' });
    expect(within(pane).getByRole('heading', { level: 2 }).textContent).toContain(CHATS[1]);
  });

  it('a click selects a row and opens its details; Esc closes them, then clears the search', async () => {
    const { table } = await openPanel();
    const search = screen.getByRole('searchbox', { name: 'Search history' });
    fireEvent.input(search, { target: { value: '-' } });
    fireEvent.click(within(table).getAllByRole('option')[2]!);
    await screen.findByRole('region', { name: 'Entry details' });
    key(search, { key: 'Escape' });
    await waitFor(() => expect(details()).toBeNull());
    expect((search as HTMLInputElement).value).toBe('-');
    key(search, { key: 'Escape' });
    await waitFor(() => expect((search as HTMLInputElement).value).toBe(''));
    // The row stays selected with its details closed.
    expect(selected(table)[0]?.textContent).toContain(CHATS[2]);
  });

  it('"/" (outside a text field) and Ctrl+F focus the search; "/" typed in a field stays there', async () => {
    const { table } = await openPanel();
    const search = screen.getByRole('searchbox', { name: 'Search history' });
    table.focus();
    key(table, { key: '/' });
    expect(document.activeElement).toBe(search);
    table.focus();
    key(table, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(search);
    const chatField = screen.getByRole('textbox', { name: 'Chat ID' });
    chatField.focus();
    key(chatField, { key: '/' });
    expect(document.activeElement).toBe(chatField);
  });

  it('Ctrl+Enter fires from the table, and the answer becomes the selected row with its details open', async () => {
    const { client, table } = await openPanel();
    const fresh = '4e7f5bed-5cd4-4a5e-b16a-3349a6ffd75a';
    fireEvent.input(screen.getByRole('textbox', { name: 'Chat ID' }), { target: { value: fresh } });
    table.focus();
    key(table, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(client.sent).toEqual([expect.objectContaining({ type: 'typing.stop', chatId: fresh })]));
    const pane = await screen.findByRole('region', { name: 'Entry details' });
    await waitFor(() => expect(within(pane).getByRole('heading', { level: 2 }).textContent).toContain(fresh));
    await waitFor(() => expect(selected(table)[0]?.textContent).toContain(fresh));
  });

  it('each row is named by its columns in order, header then value, as the hidden header row would say', async () => {
    const { table } = await openPanel();
    const first = within(table).getAllByRole('option')[0]!;
    const name = new RegExp(
      `^Time\\s*\\d\\d:\\d\\d:\\d\\d\\s*Operation\\s*DELETE Stop typing\\s*Chat ID\\s*${CHATS[0]}\\s*` +
        'Status\\s*204 Success\\s*Code and meaning.*Duration\\s*\\d+ ms\\s*Trace ID',
    );
    expect(within(table).getAllByRole('option', { name })).toEqual([first]);
  });

  it('Esc closes the settings drawer first (focus back on Settings), then the details, then clears search', async () => {
    const { table } = await openPanel();
    const search = screen.getByRole('searchbox', { name: 'Search history' });
    fireEvent.input(search, { target: { value: '-' } });
    fireEvent.click(within(table).getAllByRole('option')[1]!);
    await screen.findByRole('region', { name: 'Entry details' });
    const settings = screen.getByRole('button', { name: 'Settings' });
    fireEvent.click(settings);
    const keyField = await screen.findByLabelText('API key');
    keyField.focus();
    key(keyField, { key: 'Escape' });
    await waitFor(() => expect(settings.getAttribute('aria-expanded')).toBe('false'));
    expect(document.activeElement).toBe(settings);
    expect(details()).not.toBeNull();
    expect((search as HTMLInputElement).value).toBe('-');
    key(settings, { key: 'Escape' });
    await waitFor(() => expect(details()).toBeNull());
    expect((search as HTMLInputElement).value).toBe('-');
    key(table, { key: 'Escape' });
    await waitFor(() => expect((search as HTMLInputElement).value).toBe(''));
  });

  it('the key status names where the key is kept and opens the settings drawer', async () => {
    await openPanel();
    const status = await screen.findByRole('button', { name: 'Key: session ✓' });
    expect(status.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox', { name: 'API key' })).toBeNull();
    fireEvent.click(status);
    expect(await screen.findByLabelText('API key')).toBeTruthy();
    expect(status.getAttribute('aria-expanded')).toBe('true');
  });
});
