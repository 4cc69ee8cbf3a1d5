import type { Settings } from '../core/settings.ts';
import { isKeySlot, keySlot, pickKey } from './key-store.ts';
import { SETTINGS_KEY } from './settings-store.ts';
import type { StorageLike } from './storage-types.ts';

export interface RequestConfig {
  settings: Settings;
  apiKey: string;
}

export interface RequestConfigSource {
  /**
   * The settings and the active environment's key. With `reuse`, the copy from the last read may be
   * returned, if no stored setting or key has changed since (as far as this context has heard).
   */
  load(reuse: boolean): Promise<RequestConfig>;
}

type Area = Record<string, unknown>;

/** Both storage areas, whole, read in parallel: one round trip each. */
export async function readBothAreas(storage: StorageLike): Promise<{ local: Area; session: Area }> {
  const [local, session] = await Promise.all([storage.local.get(null), storage.session.get(null)]);
  return { local, session };
}

/** The settings and the active environment's key, from what both areas hold. */
export function requestConfigFrom(
  areas: { local: Area; session: Area },
  settingsFrom: (stored: unknown) => Settings,
): RequestConfig {
  const settings = settingsFrom(areas.local[SETTINGS_KEY]);
  return { settings, apiKey: pickKey(areas.session, areas.local, keySlot(settings.activeProfileId)) };
}

export async function readRequestConfig(
  storage: StorageLike,
  settingsFrom: (stored: unknown) => Settings,
): Promise<RequestConfig> {
  return requestConfigFrom(await readBothAreas(storage), settingsFrom);
}

/**
 * Reading both storage areas costs about 2 ms on every request. A view that has neither written nor heard
 * of a change since its last request says so (the message's `settingsUnchanged`), and only then does the
 * worker reuse what it read last; any change it hears of drops that copy.
 */
export function createRequestConfigSource(
  storage: StorageLike,
  settingsFrom: (stored: unknown) => Settings,
): RequestConfigSource {
  let last: RequestConfig | undefined;
  let changes = 0;
  storage.onChanged.addListener((changed, area) => {
    if (area !== 'local' && area !== 'session') return;
    if (!Object.keys(changed).some((name) => name === SETTINGS_KEY || isKeySlot(name))) return;
    changes += 1;
    last = undefined;
  });
  return {
    async load(reuse) {
      if (reuse && last) return last;
      const changesBefore = changes;
      const config = await readRequestConfig(storage, settingsFrom);
      // A change heard during the read may or may not be in it: then it is not kept for reuse.
      if (changes === changesBefore) last = config;
      return config;
    },
  };
}
