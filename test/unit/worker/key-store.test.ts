import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createKeyStore } from '../../../src/platform/key-store.ts';
import { KEY, storage } from './fixtures.ts';

async function areas() {
  return { session: await fakeBrowser.storage.session.get(null), local: await fakeBrowser.storage.local.get(null) };
}

describe('key store', () => {
  it('keeps the key in session storage unless it is remembered', async () => {
    fakeBrowser.reset();
    const keys = createKeyStore(storage());
    await keys.save('production', KEY, false);
    expect(await areas()).toEqual({ session: { 'apiKey.production': KEY }, local: {} });
    expect(await keys.load('production')).toBe(KEY);
  });

  it('moves the key to local storage when remembered, and back when not', async () => {
    fakeBrowser.reset();
    const keys = createKeyStore(storage());
    await keys.save('production', KEY, false);
    await keys.move('production', true);
    expect(await areas()).toEqual({ session: {}, local: { 'apiKey.production': KEY } });
    await keys.move('production', false);
    expect(await areas()).toEqual({ session: { 'apiKey.production': KEY }, local: {} });
  });

  it('forgets the key everywhere', async () => {
    fakeBrowser.reset();
    const keys = createKeyStore(storage());
    await keys.save('production', KEY, true);
    await keys.forget('production');
    expect(await areas()).toEqual({ session: {}, local: {} });
    expect(await keys.load('production')).toBe('');
  });
});
