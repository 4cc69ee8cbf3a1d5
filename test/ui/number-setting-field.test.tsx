/**
 * The folded Settings' number fields ("Request timeout (seconds)", "History limit (entries)") in the popup over the
 * fake client: what the operator types stays while anything else renders the view; a refused number keeps its
 * message beside the field and saves nothing; a good one is saved when the field is left.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from './fake-client.ts';
import { CHAT, renderPopup } from './views.tsx';

async function openSettings(options: Parameters<typeof createFakeClient>[0] = {}) {
  const client = createFakeClient(options);
  renderPopup(client);
  const section = await screen.findByText('Settings', { selector: 'summary' });
  fireEvent.click(section);
  fireEvent(section.parentElement!, new Event('toggle'));
  const timeout = (await screen.findByLabelText('Request timeout (seconds)')) as HTMLInputElement;
  const cap = screen.getByLabelText('History limit (entries)') as HTMLInputElement;
  return { client, timeout, cap };
}

/** What a screen reader reads with the field, through aria-describedby. */
const describedText = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });

describe('number settings', () => {
  it('keeps what the operator is typing when another view changes the settings, then saves it on leaving', async () => {
    const { client, timeout } = await openSettings();
    expect(timeout.value).toBe('15');
    type(timeout, '3');
    // Any render while typing: here another view turns recording off.
    client.changeSettingsElsewhere((current) => ({ ...current, recordHistory: false }));
    await screen.findByText('New requests show their result here but are not stored.');
    expect(timeout.value).toBe('3');
    expect(client.stored.settings.timeoutMs).toBe(15_000);

    fireEvent.change(timeout);
    await waitFor(() => expect(client.stored.settings.timeoutMs).toBe(3_000));
    expect(timeout.value).toBe('3');
  });

  it.each([
    ['0', '0 is out of range: enter a number from 1 to 29 seconds.'],
    ['2.5', 'Use a whole number from 1 to 29 seconds.'],
    ['', 'Enter a number from 1 to 29 seconds.'],
  ])('refuses a timeout of %j beside the field, and saves nothing', async (typed, message) => {
    const { client, timeout } = await openSettings();
    type(timeout, typed);
    fireEvent.change(timeout);
    await waitFor(() => expect(timeout.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(timeout)).toContain(message);
    expect(timeout.value).toBe(typed);
    expect(client.stored.settings.timeoutMs).toBe(15_000);

    type(timeout, '20');
    fireEvent.change(timeout);
    await waitFor(() => expect(client.stored.settings.timeoutMs).toBe(20_000));
    expect(timeout.hasAttribute('aria-invalid')).toBe(false);
    expect(describedText(timeout)).not.toContain('from 1 to 29');
  });

  it('refuses a history limit out of range, and saves one in range', async () => {
    const { client, cap } = await openSettings();
    type(cap, '5');
    fireEvent.change(cap);
    await waitFor(() =>
      expect(describedText(cap)).toContain('5 is out of range: enter a number from 100 to 100000 entries.'),
    );
    expect(client.stored.settings.historyCap).toBe(1000);
    type(cap, '250');
    fireEvent.change(cap);
    await waitFor(() => expect(client.stored.settings.historyCap).toBe(250));
  });

  it("shows another view's change to the number once the operator is not editing it", async () => {
    const { client, timeout } = await openSettings();
    client.changeSettingsElsewhere((current) => ({ ...current, timeoutMs: 7_000 }));
    await waitFor(() => expect(timeout.value).toBe('7'));
  });

  it('a refused setting does not stop a send: the stored timeout is used, and the message stays', async () => {
    const { client, timeout } = await openSettings({ keys: { production: 'sk_stored' } });
    type(timeout, '0');
    fireEvent.change(timeout);
    await waitFor(() => expect(timeout.getAttribute('aria-invalid')).toBe('true'));
    type(screen.getByRole('textbox', { name: 'Chat ID' }), CHAT);
    fireEvent.click(screen.getByRole('button', { name: 'Stop typing' }));
    await waitFor(() => expect(client.sent.map((sent) => sent.chatId)).toEqual([CHAT]));
    expect(client.stored.settings.timeoutMs).toBe(15_000);
    expect(timeout.getAttribute('aria-invalid')).toBe('true');
  });
});
