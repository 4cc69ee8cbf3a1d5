/**
 * The popup paints from its first-paint copy (what it showed last time, never a key), then the stored
 * settings and key take over, except for what the operator typed in between.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, updateProfile, type Settings } from '../../src/core/settings.ts';
import { answeredEntry, createFakeClient } from './fake-client.ts';
import { CHAT, renderPopup, withStaging } from './views.tsx';

const PRODUCTION_URL = DEFAULT_SETTINGS.profiles[0]!.baseUrl;
const STORED_URL = 'https://eu.api.example.com';
/** Stored now: Production moved to another URL, and a Staging environment added (by another view, say). */
const stored: Settings = updateProfile(withStaging(), 'production', { baseUrl: STORED_URL });
/** What the popup showed last time: the default settings, and one entry. */
const firstPaint = {
  settings: structuredClone(DEFAULT_SETTINGS),
  recent: { entries: [answeredEntry('typing.stop', CHAT, PRODUCTION_URL)], total: 1 },
};

function openPopup() {
  const keys = { production: 'sk_stored' };
  const client = createFakeClient({ settings: stored, keys, firstPaint, holdInitial: true });
  renderPopup(client);
  return client;
}

const keyField = () => screen.getByLabelText<HTMLInputElement>('API key');
const baseUrlField = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Base URL' });

describe('first paint', () => {
  it('paints from the copy at once, and the stored values take over when they arrive', async () => {
    const client = openPopup();
    expect(baseUrlField().value).toBe(PRODUCTION_URL);
    expect(screen.queryByRole('radio', { name: 'Staging' })).toBeNull();
    expect(screen.getByRole('region', { name: 'History' }).textContent).toContain(CHAT);

    await client.storedValuesArrive();
    expect(baseUrlField().value).toBe(STORED_URL);
    expect(screen.getByRole('radio', { name: 'Staging' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Production' }).checked).toBe(true);
    expect(keyField().value).toBe('sk_stored');
  });

  it('keeps the key field aria-busy until the stored key arrives', async () => {
    const client = openPopup();
    expect(keyField().getAttribute('aria-busy')).toBe('true');
    expect(keyField().value).toBe('');
    await client.storedValuesArrive();
    expect(keyField().hasAttribute('aria-busy')).toBe(false);
    expect(keyField().value).toBe('sk_stored');
  });

  it('sends a request fired before the key is in without the view checking the key: the worker reads it', async () => {
    const client = openPopup();
    fireEvent.input(screen.getByRole('textbox', { name: 'Chat ID' }), { target: { value: CHAT } });
    fireEvent.click(screen.getByRole('button', { name: 'Stop typing' }));
    await waitFor(() => expect(client.sent).toEqual([expect.objectContaining({ type: 'typing.stop', chatId: CHAT })]));
    expect(keyField().hasAttribute('aria-invalid')).toBe(false);
  });

  it('keeps a key typed before the stored one arrives, and stops waiting for it', async () => {
    const client = openPopup();
    // The key's write lands after the stored values, which still hold the old key.
    client.holdWrites();
    fireEvent.input(keyField(), { target: { value: 'sk_typed' } });
    expect(keyField().hasAttribute('aria-busy')).toBe(false);
    await client.storedValuesArrive();
    expect(keyField().value).toBe('sk_typed');
    await client.releaseWrites();
    expect(keyField().value).toBe('sk_typed');
    expect(client.stored.keys.production).toBe('sk_typed');
  });

  it('keeps settings changed before the stored ones arrive', async () => {
    const client = openPopup();
    client.holdWrites();
    fireEvent.input(baseUrlField(), { target: { value: 'https://typed.example.com' } });
    await client.storedValuesArrive();
    expect(baseUrlField().value).toBe('https://typed.example.com');
    expect(keyField().value).toBe('sk_stored');
    await client.releaseWrites();
    expect(client.stored.settings.profiles[0]!.baseUrl).toBe('https://typed.example.com');
  });
});
