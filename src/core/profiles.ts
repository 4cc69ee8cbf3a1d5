import { DEFAULT_BASE_URL } from './linq/settings-rules.ts';
import type { Settings } from './settings.ts';

/** A named environment: where requests go, and whether its key is kept on disk. Each has its own key. */
export interface Profile {
  id: string;
  name: string;
  baseUrl: string;
  rememberKey: boolean;
  builtIn: boolean;
}

export const LOCAL_MOCK_URL = 'http://127.0.0.1:4010';

export const BUILT_IN_PROFILES: readonly Profile[] = [
  { id: 'production', name: 'Production', baseUrl: DEFAULT_BASE_URL, rememberKey: false, builtIn: true },
  { id: 'local', name: 'Local mock', baseUrl: LOCAL_MOCK_URL, rememberKey: false, builtIn: true },
];

export const NAME_MAX = 40;

/** The base URL a profile returns to on "Reset to default": its built-in one, or production's. */
export function defaultBaseUrl(profile: Profile): string {
  return BUILT_IN_PROFILES.find((builtIn) => builtIn.id === profile.id)?.baseUrl ?? DEFAULT_BASE_URL;
}

/** A name for a new custom profile that no profile has yet. */
export function nextCustomName(profiles: readonly Profile[]): string {
  const names = new Set(profiles.map((profile) => profile.name));
  let n = 1;
  while (names.has(`Custom ${n}`)) n += 1;
  return `Custom ${n}`;
}

export function checkProfileName(name: string, profiles: readonly Profile[], selfId: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the environment a name.';
  if (trimmed.length > NAME_MAX) return `Keep the name under ${NAME_MAX} characters.`;
  if (profiles.some((profile) => profile.id !== selfId && profile.name.toLowerCase() === trimmed.toLowerCase())) {
    return 'Another environment already has this name.';
  }
  return undefined;
}

/** Stored profiles, repaired: built-ins always present (their names fixed), unusable records dropped. */
export function profilesFrom(stored: unknown): Profile[] {
  const records = Array.isArray(stored) ? stored : [];
  const read = (record: unknown): Profile | undefined => {
    const value = record as Partial<Profile> | null;
    if (typeof value?.id !== 'string' || typeof value.name !== 'string' || typeof value.baseUrl !== 'string')
      return undefined;
    return {
      id: value.id,
      name: value.name.slice(0, NAME_MAX),
      baseUrl: value.baseUrl,
      rememberKey: value.rememberKey === true,
      builtIn: false,
    };
  };
  const storedProfiles = records.map(read).filter((profile): profile is Profile => profile !== undefined);
  const builtIns = BUILT_IN_PROFILES.map((builtIn) => {
    const saved = storedProfiles.find((profile) => profile.id === builtIn.id);
    return saved ? { ...saved, name: builtIn.name, builtIn: true } : { ...builtIn };
  });
  const custom = storedProfiles.filter((profile) => !BUILT_IN_PROFILES.some((builtIn) => builtIn.id === profile.id));
  return [...builtIns, ...custom];
}

/** A new custom environment, named so no other has its name; `now` makes its id unique. */
export function newCustomProfile(profiles: readonly Profile[], now: number): Profile {
  const id = `custom-${now.toString(36)}`;
  return { id, name: nextCustomName(profiles), baseUrl: '', rememberKey: false, builtIn: false };
}

/** Settings with the profile added and made the active one. */
export function withProfileAdded(settings: Settings, added: Profile): Settings {
  return { ...settings, profiles: [...settings.profiles, added], activeProfileId: added.id };
}

/** Settings without that profile; Production becomes the active one if it was. */
export function withProfileDeleted(settings: Settings, id: string): Settings {
  return {
    ...settings,
    profiles: settings.profiles.filter((candidate) => candidate.id !== id),
    activeProfileId: settings.activeProfileId === id ? 'production' : settings.activeProfileId,
  };
}
