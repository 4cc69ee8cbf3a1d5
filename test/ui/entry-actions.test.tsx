/**
 * Retry repeats an entry's own operation for its chat; the copy actions put the command on the clipboard and
 * confirm out loud (role status). Found by accessible names, as the e2e tests do.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { answeredEntry, createFakeClient } from './fake-client.ts';
import { CHAT, renderPanel, renderPopup } from './views.tsx';

const PRODUCTION_URL = DEFAULT_SETTINGS.profiles[0]!.baseUrl;
const OTHER_CHAT = '2c5f39cb-3ab2-4e3c-994e-1127e4ddb538';

function history() {
  const started = answeredEntry('typing.start', OTHER_CHAT, PRODUCTION_URL);
  const stopped = answeredEntry('typing.stop', CHAT, PRODUCTION_URL);
  const fromProduction = { ...stopped, profileId: 'production', profileName: 'Production' };
  return [fromProduction, { ...started, startedAt: started.startedAt - 60_000 }];
}

const sent = (type: string, chatId: string) => expect.objectContaining({ type, chatId });

async function openPanelDetails() {
  const client = createFakeClient({ keys: { production: 'sk_live_1234' }, history: history() });
  renderPanel(client);
  const table = await screen.findByRole('listbox', { name: /entries/i });
  // A click on a row selects it and opens its details.
  fireEvent.click((await within(table).findAllByRole('option'))[0]!);
  return { client, details: await screen.findByRole('region', { name: 'Entry details' }) };
}

describe('Retry and copy actions', () => {
  it('Retry in the popup’s history repeats each entry’s own operation for its chat', async () => {
    const client = createFakeClient({ keys: { production: 'sk_live_1234' }, history: history() });
    renderPopup(client);
    const list = await screen.findByRole('region', { name: 'History' });
    const retries = await within(list).findAllByRole('button', { name: 'Retry' });
    fireEvent.click(retries[1]!);
    await waitFor(() => expect(client.sent).toEqual([sent('typing.start', OTHER_CHAT)]));
    fireEvent.click(retries[0]!);
    await waitFor(() => expect(client.sent.at(-1)).toEqual(sent('typing.stop', CHAT)));
    // The answer becomes the latest result.
    expect(screen.getByRole('region', { name: 'Latest result' }).textContent).toContain(CHAT);
  });

  it('Retry in the panel’s details sends the entry again', async () => {
    const { client, details } = await openPanelDetails();
    fireEvent.click(within(details).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(client.sent).toEqual([expect.objectContaining({ type: 'typing.stop', chatId: CHAT })]));
  });

  it('Copy as cURL copies a command with the key as a variable, and says so', async () => {
    const { client, details } = await openPanelDetails();
    fireEvent.click(within(details).getByRole('button', { name: 'Copy as cURL' }));
    const status = within(details).getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Copied the cURL command (key as $LINQ_API_KEY).'));
    expect(client.copied).toHaveLength(1);
    expect(client.copied[0]).toContain(`/v3/chats/${CHAT}/typing`);
    expect(client.copied[0]).toContain('LINQ_API_KEY');
    expect(client.copied[0]).not.toContain('sk_live_1234');
  });

  it('Copy support report and the SDK code confirm each copy', async () => {
    const { client, details } = await openPanelDetails();
    fireEvent.click(within(details).getByRole('button', { name: 'Copy support report' }));
    await waitFor(() => expect(within(details).getByRole('status').textContent).toBe('Copied the support report.'));
    fireEvent.click(within(details).getByRole('button', { name: 'Copy as SDK code' }));
    await waitFor(() => expect(within(details).getByRole('status').textContent).toBe('Copied the SDK code.'));
    expect(client.copied).toHaveLength(2);
    expect(client.copied[0]).toContain(CHAT);
  });

  it('a copy that fails says why', async () => {
    const { client, details } = await openPanelDetails();
    client.copyText = async () => {
      throw new Error('Clipboard is not available');
    };
    fireEvent.click(within(details).getByRole('button', { name: 'Copy as CLI command' }));
    const status = within(details).getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Copy failed: Clipboard is not available'));
  });
});
