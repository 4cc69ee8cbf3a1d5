import { settingsFrom, type Settings } from '../core/settings.ts';
import type { StorageLike } from './storage-types.ts';

/** Settings live in storage.local under one key, shared by every view and the worker. */
export const SETTINGS_KEY = 'settings';

export interface SettingsStore {
  load(): Promise<Settings>;
  /** Applies a patch, or a change function, to the settings as stored now (not as a view last saw them). */
  update(change: Partial<Settings> | ((current: Settings) => Settings)): Promise<Settings>;
  onChange(listener: (settings: Settings) => void): () => void;
}

export function createSettingsStore(storage: StorageLike): SettingsStore {
  const load = async () => settingsFrom((await storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  // Writes are chained so two quick updates from one view cannot overwrite each other.
  let last: Promise<unknown> = Promise.resolve();
  return {
    load,
    update(change) {
      const next = last.then(async () => {
        const current = await load();
        const merged = settingsFrom(typeof change === 'function' ? change(current) : { ...current, ...change });
        await storage.local.set({ [SETTINGS_KEY]: merged });
        return merged;
      });
      last = next.catch(() => undefined);
      return next;
    },
    onChange(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && SETTINGS_KEY in changes) listener(settingsFrom(changes[SETTINGS_KEY]?.newValue));
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
  };
}
