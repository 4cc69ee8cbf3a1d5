import type { StorageLike } from './storage-types.ts';

/**
 * Each environment's API key lives in storage.session (memory only, gone at browser restart) unless the
 * operator chose to remember it; then in storage.local, unencrypted. A key is only ever in one of the two.
 */
const KEY_SLOT_PREFIX = 'apiKey.';

export function keySlot(profileId: string): string {
  return `${KEY_SLOT_PREFIX}${profileId}`;
}

/** Whether a storage key holds an environment's API key. */
export function isKeySlot(name: string): boolean {
  return name.startsWith(KEY_SLOT_PREFIX);
}

export interface KeyStore {
  load(profileId: string): Promise<string>;
  save(profileId: string, key: string, remember: boolean): Promise<void>;
  /** Moves the key to the area that `remember` names, keeping it usable. */
  move(profileId: string, remember: boolean): Promise<void>;
  forget(profileId: string): Promise<void>;
  /** Called with the environment whose key changed. */
  onChange(listener: (profileId: string) => void): () => void;
}

function asKey(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A key in session storage wins; the on-disk one is used only when the session has none. */
export function pickKey(session: Record<string, unknown>, local: Record<string, unknown>, slot: string): string {
  return asKey(session[slot]) || asKey(local[slot]);
}

export function createKeyStore(storage: StorageLike): KeyStore {
  const load = async (profileId: string): Promise<string> => {
    const slot = keySlot(profileId);
    // Both areas at once: this sits on every request's path.
    const [session, local] = await Promise.all([storage.session.get(slot), storage.local.get(slot)]);
    return pickKey(session, local, slot);
  };
  const save = async (profileId: string, key: string, remember: boolean): Promise<void> => {
    const slot = keySlot(profileId);
    const [keep, drop] = remember ? [storage.local, storage.session] : [storage.session, storage.local];
    if (key === '') await keep.remove(slot);
    else await keep.set({ [slot]: key });
    await drop.remove(slot);
  };
  return {
    load,
    save,
    async move(profileId, remember) {
      await save(profileId, await load(profileId), remember);
    },
    async forget(profileId) {
      const slot = keySlot(profileId);
      await Promise.all([storage.session.remove(slot), storage.local.remove(slot)]);
    },
    onChange(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'session' && area !== 'local') return;
        for (const name of Object.keys(changes)) if (isKeySlot(name)) listener(name.slice(KEY_SLOT_PREFIX.length));
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
  };
}
