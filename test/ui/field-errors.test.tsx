/**
 * What the view checks before sending (core/check-form.ts): each problem is shown beside its field
 * (aria-invalid, and aria-describedby naming the message), and nothing is sent.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from './fake-client.ts';
import { CHAT, renderPopup } from './views.tsx';

async function openPopup(options: Parameters<typeof createFakeClient>[0] = {}) {
  const client = createFakeClient(options);
  renderPopup(client);
  await screen.findByLabelText('API key');
  return client;
}

/** The field's message, found the way a screen reader finds it: through aria-describedby. */
function messageOf(field: HTMLElement): string | undefined {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent).find((text) => text !== undefined);
}

const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const stopTyping = () => fireEvent.click(screen.getByRole('button', { name: 'Stop typing' }));

describe('field errors', () => {
  it('an empty form: each field says what is missing, and nothing is sent', async () => {
    const client = await openPopup();
    type(screen.getByRole('textbox', { name: 'Base URL' }), '');
    stopTyping();
    const chatId = screen.getByRole('textbox', { name: 'Chat ID' });
    await waitFor(() => expect(chatId.getAttribute('aria-invalid')).toBe('true'));
    expect(messageOf(chatId)).toBe('Enter a chat ID.');
    const key = screen.getByLabelText('API key');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(key)).toBe('Enter your Linq API key. Nothing is sent without one.');
    const baseUrl = screen.getByRole('textbox', { name: 'Base URL' });
    expect(baseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(messageOf(baseUrl)).toBe('Enter a base URL, or reset it to the default.');
    expect(client.sent).toEqual([]);
  });

  it('a message goes when its field is edited, and a fixed form is sent', async () => {
    const client = await openPopup({ keys: { production: 'sk_stored' } });
    const chatId = screen.getByRole('textbox', { name: 'Chat ID' });
    type(chatId, 'not-a-chat');
    fireEvent.keyDown(chatId, { key: 'Enter' });
    await waitFor(() => expect(chatId.getAttribute('aria-invalid')).toBe('true'));
    expect(messageOf(chatId)).toMatch(/chat ID/i);
    type(chatId, CHAT);
    expect(chatId.hasAttribute('aria-invalid')).toBe(false);
    expect(chatId.hasAttribute('aria-describedby')).toBe(false);
    fireEvent.keyDown(chatId, { key: 'Enter' });
    await waitFor(() => expect(client.sent).toEqual([expect.objectContaining({ type: 'typing.stop', chatId: CHAT })]));
  });

  it('a host without access: the Base URL says to grant it first, and nothing is sent until then', async () => {
    const client = await openPopup({ keys: { production: 'sk_stored' }, hostAccess: false });
    type(screen.getByRole('textbox', { name: 'Chat ID' }), CHAT);
    stopTyping();
    const baseUrl = screen.getByRole('textbox', { name: 'Base URL' });
    await waitFor(() => expect(baseUrl.getAttribute('aria-invalid')).toBe('true'));
    expect(messageOf(baseUrl)).toBe('The extension has no access to api.linqapp.com. Use "Grant access" first.');
    expect(client.sent).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    await waitFor(() => expect(baseUrl.hasAttribute('aria-invalid')).toBe(false));
    stopTyping();
    await waitFor(() => expect(client.sent).toHaveLength(1));
  });

  it('a field error in the worker’s answer is shown beside that field', async () => {
    const client = await openPopup({ keys: { production: 'sk_stored' } });
    client.answer = () => ({ ok: false, field: 'apiKey', message: 'Linq refused this key.' });
    type(screen.getByRole('textbox', { name: 'Chat ID' }), CHAT);
    stopTyping();
    const key = screen.getByLabelText('API key');
    await waitFor(() => expect(key.getAttribute('aria-invalid')).toBe('true'));
    expect(messageOf(key)).toBe('Linq refused this key.');
  });
});
