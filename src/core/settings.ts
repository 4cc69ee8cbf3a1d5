import { HISTORY_CAP_LIMITS, TIMEOUT_LIMITS, clampInt } from './linq/settings-rules.ts';
import { trafficHostsFrom } from './linq/traffic-hosts-stored.ts';
import { BUILT_IN_PROFILES, profilesFrom, type Profile } from './profiles.ts';

/** Settings shared by every view and the worker. API keys are not settings: they have their own store. */
export interface Settings {
  profiles: Profile[];
  activeProfileId: string;
  timeoutMs: number;
  historyCap: number;
  /** false: requests still show their result but leave no stored entry. */
  recordHistory: boolean;
  /** The operator's own hosts whose requests Page traffic captures too (`host` or `host:port`, lower case). */
  trafficHosts: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  profiles: BUILT_IN_PROFILES.map((profile) => ({ ...profile })),
  activeProfileId: 'production',
  timeoutMs: TIMEOUT_LIMITS.default,
  historyCap: HISTORY_CAP_LIMITS.default,
  recordHistory: true,
  trafficHosts: [],
};

function field<T>(stored: unknown, name: keyof Settings, type: 'string' | 'number' | 'boolean'): T | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const value: unknown = (stored as Record<string, unknown>)[name];
  return typeof value === type ? (value as T) : undefined;
}

/**
 * Whatever is in storage (perhaps from an older version, perhaps damaged) becomes valid settings: each field
 * of the wrong type falls back to its default, numbers are clamped, and the active profile always exists.
 */
export function settingsFrom(stored: unknown): Settings {
  const profiles = profilesFrom((stored as { profiles?: unknown } | null)?.profiles);
  const activeId = field<string>(stored, 'activeProfileId', 'string');
  return {
    profiles,
    activeProfileId: profiles.some((profile) => profile.id === activeId) ? activeId! : DEFAULT_SETTINGS.activeProfileId,
    timeoutMs: clampInt(field<number>(stored, 'timeoutMs', 'number') ?? DEFAULT_SETTINGS.timeoutMs, TIMEOUT_LIMITS),
    historyCap: clampInt(
      field<number>(stored, 'historyCap', 'number') ?? DEFAULT_SETTINGS.historyCap,
      HISTORY_CAP_LIMITS,
    ),
    recordHistory: field<boolean>(stored, 'recordHistory', 'boolean') ?? true,
    // Settings stored before this field existed have none: an empty list.
    trafficHosts: trafficHostsFrom((stored as { trafficHosts?: unknown } | null)?.trafficHosts),
  };
}

export function activeProfile(settings: Settings): Profile {
  return settings.profiles.find((profile) => profile.id === settings.activeProfileId) ?? settings.profiles[0]!;
}

/** Settings with one profile changed. */
export function updateProfile(
  settings: Settings,
  id: string,
  patch: Partial<Omit<Profile, 'id' | 'builtIn'>>,
): Settings {
  return {
    ...settings,
    profiles: settings.profiles.map((profile) => (profile.id === id ? { ...profile, ...patch } : profile)),
  };
}
