/**
 * Reading what the extension stored, in its own layout: settings hold a list of environments (profiles) and
 * the active one; each environment's key sits under `apiKey.<profileId>` in session or local storage.
 */
export interface StoredProfile {
  id: string;
  name: string;
  baseUrl: string;
  rememberKey: boolean;
}

export interface StoredSettings {
  activeProfileId?: string;
  profiles?: StoredProfile[];
  timeoutMs?: number;
  historyCap?: number;
  recordHistory?: boolean;
}

export function storedSettings(local: Record<string, unknown>): StoredSettings {
  return (local.settings ?? {}) as StoredSettings;
}

/** The active environment as stored (Production when nothing is stored yet). */
export function storedActiveProfile(local: Record<string, unknown>): StoredProfile | undefined {
  const settings = storedSettings(local);
  const id = settings.activeProfileId ?? 'production';
  return settings.profiles?.find((profile) => profile.id === id);
}

export function keyIn(area: Record<string, unknown>, profileId = 'production'): string | undefined {
  const value = area[`apiKey.${profileId}`];
  return typeof value === 'string' ? value : undefined;
}
