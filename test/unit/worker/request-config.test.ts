import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createKeyStore } from '../../../src/platform/key-store.ts';
import { createRequestConfigSource } from '../../../src/platform/request-config.ts';
import { createSettingsStore } from '../../../src/platform/settings-store.ts';
import { settingsFrom } from '../../../src/core/settings.ts';
import type { StorageLike } from '../../../src/platform/storage-types.ts';
import { KEY, storage } from './fixtures.ts';

/** storage(), counting how often the worker reads each area. */
function countingStorage() {
  const base = storage();
  const reads = { local: 0, session: 0 };
  const counted: StorageLike = {
    ...base,
    local: { ...base.local, get: (keys) => ((reads.local += 1), base.local.get(keys)) },
    session: { ...base.session, get: (keys) => ((reads.session += 1), base.session.get(keys)) },
  };
  return { counted, reads };
}

/** A fresh browser with the production key saved, and a config source over storage that counts reads. */
async function freshSource() {
  fakeBrowser.reset();
  const keys = createKeyStore(storage());
  await keys.save('production', KEY, false);
  const { counted, reads } = countingStorage();
  return { keys, reads, source: createRequestConfigSource(counted, settingsFrom) };
}

describe('the worker\u2019s request config', () => {
  it('reads both areas unless told nothing changed, then reuses its last read', async () => {
    const { reads, source } = await freshSource();
    expect((await source.load(true)).apiKey).toBe(KEY);
    expect(reads).toEqual({ local: 1, session: 1 });
    expect((await source.load(true)).apiKey).toBe(KEY);
    expect(reads).toEqual({ local: 1, session: 1 });
    await source.load(false);
    expect(reads).toEqual({ local: 2, session: 2 });
  });

  it('drops its copy when a key or the settings change, but not for other stored values', async () => {
    const { keys, reads, source } = await freshSource();
    await source.load(false);

    await storage().local.set({ 'lastChat.production': 'x' });
    await source.load(true);
    expect(reads.local).toBe(1);

    await keys.save('production', 'sk_new_key_456', false);
    expect((await source.load(true)).apiKey).toBe('sk_new_key_456');
    expect(reads.local).toBe(2);

    await createSettingsStore(storage()).update({ timeoutMs: 5_000 });
    expect((await source.load(true)).settings.timeoutMs).toBe(5_000);
    expect(reads.local).toBe(3);
  });

  it('does not keep a read during which a change arrived', async () => {
    const { keys, reads, source } = await freshSource();
    const racing = source.load(false);
    await keys.save('production', 'sk_new_key_456', false);
    await racing;
    expect((await source.load(true)).apiKey).toBe('sk_new_key_456');
    expect(reads.local).toBe(2);
  });
});
