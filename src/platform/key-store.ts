import type { StorageLike } from './storage-types.ts';

/**
 * The API key lives in storage.session (memory only, gone at browser restart) unless the operator chose to
 * remember it; then in storage.local, unencrypted. It is only ever in one of the two.
 */
const KEY = 'apiKey';

export interface KeyStore {
  load(): Promise<string>;
  save(key: string, remember: boolean): Promise<void>;
  /** Moves the key to the area that `remember` names, keeping it usable. */
  move(remember: boolean): Promise<void>;
  forget(): Promise<void>;
  onChange(listener: (key: string) => void): () => void;
}

function asKey(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function createKeyStore(storage: StorageLike): KeyStore {
  const load = async (): Promise<string> => {
    // Both areas at once: this sits on every request's path.
    const [session, local] = await Promise.all([storage.session.get(KEY), storage.local.get(KEY)]);
    const fromSession = asKey(session[KEY]);
    return fromSession !== '' ? fromSession : asKey(local[KEY]);
  };
  const save = async (key: string, remember: boolean): Promise<void> => {
    const [keep, drop] = remember ? [storage.local, storage.session] : [storage.session, storage.local];
    if (key === '') await keep.remove(KEY);
    else await keep.set({ [KEY]: key });
    await drop.remove(KEY);
  };
  return {
    load,
    save,
    async move(remember) {
      await save(await load(), remember);
    },
    async forget() {
      await Promise.all([storage.session.remove(KEY), storage.local.remove(KEY)]);
    },
    onChange(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if ((area === 'session' || area === 'local') && KEY in changes) void load().then(listener);
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
  };
}
