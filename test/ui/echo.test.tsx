/**
 * Storage tells every view of each change, this view's own writes included, a few milliseconds after the
 * write. An echo of an earlier keystroke, or a change from another view, must not undo what the operator is
 * typing.
 */
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { updateProfile } from '../../src/core/settings.ts';
import { createFakeClient } from './fake-client.ts';
import { renderPanel, renderPopup, STAGING, withStaging } from './views.tsx';

async function openPopup() {
  const client = createFakeClient({ keys: { production: 'sk_stored' } });
  renderPopup(client);
  await screen.findByLabelText('API key');
  client.holdWrites();
  return client;
}

const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const valueOf = (field: HTMLElement) => (field as HTMLInputElement).value;

describe('echoes while the operator types', () => {
  it('the key: the echo of an earlier keystroke leaves what was typed since', async () => {
    const client = await openPopup();
    const key = screen.getByLabelText('API key');
    type(key, 'sk_new');
    type(key, 'sk_newer');
    await client.releaseWrites(1);
    expect(client.stored.keys.production).toBe('sk_new');
    expect(valueOf(key)).toBe('sk_newer');
    await client.releaseWrites();
    expect(valueOf(key)).toBe('sk_newer');
    expect(client.stored.keys.production).toBe('sk_newer');
  });

  it('the key, typed fast: the echoes of several keystrokes still in flight, landing one by one, leave it whole', async () => {
    const client = await openPopup();
    const key = screen.getByLabelText('API key');
    for (const typed of ['sk_a', 'sk_ab', 'sk_abc', 'sk_abcd']) type(key, typed);
    for (const landed of ['sk_a', 'sk_ab', 'sk_abc']) {
      await client.releaseWrites(1);
      expect(client.stored.keys.production).toBe(landed);
      expect(valueOf(key)).toBe('sk_abcd');
    }
    await client.releaseWrites();
    expect(valueOf(key)).toBe('sk_abcd');
    // Once every write has landed, a change from elsewhere shows again.
    await client.saveKey('production', 'sk_elsewhere', false);
    await screen.findByDisplayValue('sk_elsewhere');
  });

  it('the environment name, typed fast: the second echo in flight leaves the whole name', async () => {
    const client = createFakeClient({ settings: { ...withStaging(), activeProfileId: STAGING.id } });
    renderPanel(client);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const name = await screen.findByRole('textbox', { name: 'Environment name' });
    client.holdWrites();
    for (const typed of ['St', 'Sta', 'Stag', 'Stage']) type(name, typed);
    await client.releaseWrites(1);
    await client.releaseWrites(1);
    expect(valueOf(name)).toBe('Stage');
    await client.releaseWrites();
    expect(valueOf(name)).toBe('Stage');
  });

  it('the Base URL: neither its own echo nor another view’s change replaces the text being typed', async () => {
    const client = await openPopup();
    const baseUrl = screen.getByRole('textbox', { name: 'Base URL' });
    type(baseUrl, 'https://eu.example.com');
    type(baseUrl, 'https://eu.example.com/api');
    await client.releaseWrites(1);
    expect(client.stored.settings.profiles[0]!.baseUrl).toBe('https://eu.example.com');
    expect(valueOf(baseUrl)).toBe('https://eu.example.com/api');

    client.changeSettingsElsewhere((current) => ({ ...current, timeoutMs: 20_000 }));
    expect(valueOf(baseUrl)).toBe('https://eu.example.com/api');

    // Once the operator leaves the field, stored changes show again.
    fireEvent.blur(baseUrl);
    await client.releaseWrites();
    const moved = { baseUrl: 'https://us.example.com' };
    client.changeSettingsElsewhere((current) => updateProfile(current, 'production', moved));
    await screen.findByDisplayValue('https://us.example.com');
  });

  it('the environment name: the echo of the first letters leaves the whole name', async () => {
    const client = createFakeClient({ settings: { ...withStaging(), activeProfileId: STAGING.id } });
    renderPanel(client);
    // The panel keeps the environment's name in its settings drawer.
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const name = await screen.findByRole('textbox', { name: 'Environment name' });
    client.holdWrites();
    type(name, 'Stag');
    type(name, 'Stage two');
    await client.releaseWrites(1);
    expect(valueOf(name)).toBe('Stage two');
    await client.releaseWrites();
    expect(screen.getByRole('radio', { name: 'Stage two' })).toBeTruthy();
  });
});
